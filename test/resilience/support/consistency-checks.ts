import type pg from 'pg';

interface WorkflowDescription {
  name: string;
  initial: string;
  events: { event: string }[];
}

/**
 * Where the history (workflow_transition) and the audit trail disagree: every fired event must have exactly one
 * audit row `<workflow>.<event>` on the same record and the other way round, and every record's state must be
 * where its last transition left it (its initial state without one). Empty when they agree.
 */
export async function historyAuditDisagreements(db: pg.Pool, workflows: readonly WorkflowDescription[]): Promise<string[]> {
  const problems: string[] = [];
  for (const workflow of workflows) {
    const events = workflow.events.map((event) => event.event);
    const { rows: unmatched } = await db.query(
      `WITH history AS (
         SELECT record_id::text AS id, event, count(*)::int AS n FROM workflow_transition WHERE workflow = $1 GROUP BY 1, 2),
       audit AS (
         SELECT entity_id AS id, substr(action, length($1) + 2) AS event, count(*)::int AS n FROM audit_entry
          WHERE entity_type = $1 AND action = ANY(SELECT $1 || '.' || e FROM unnest($2::text[]) e) GROUP BY 1, 2)
       SELECT coalesce(h.id, a.id) AS id, coalesce(h.event, a.event) AS event, coalesce(h.n, 0) AS history, coalesce(a.n, 0) AS audit
         FROM history h FULL JOIN audit a ON a.id = h.id AND a.event = h.event
        WHERE coalesce(h.n, 0) <> coalesce(a.n, 0)`,
      [workflow.name, events],
    );
    for (const row of unmatched) problems.push(`${workflow.name} ${row.id} ${row.event}: ${row.history} history rows, ${row.audit} audit rows`);

    const table = workflow.name.replace(/-/g, '_');
    // Events of one transaction share their instant: a tie is settled in favour of the state the record is in.
    const { rows: astray } = await db.query(
      `SELECT r.id, r.state, last.to_state FROM "${table}" r
         LEFT JOIN LATERAL (SELECT to_state FROM workflow_transition w WHERE w.workflow = $1 AND w.record_id = r.id
                             ORDER BY w.at DESC, (w.to_state = r.state) DESC LIMIT 1) last ON true
        WHERE r.state <> coalesce(last.to_state, $2)`,
      [workflow.name, workflow.initial],
    );
    for (const row of astray) problems.push(`${workflow.name} ${row.id} is ${row.state}, but its history ends in ${row.to_state ?? `(none: ${workflow.initial})`}`);
  }
  return problems;
}
