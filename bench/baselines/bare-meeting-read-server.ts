/**
 * The bare baseline of the meeting read: Fastify and `pg` only, no framework, no login, no validation, no
 * request context. It answers the same rows as GET /api/meetings/:id (the meeting, its items with their
 * attachments and notes, and the attendance), so the gap to it is what the application's layers cost.
 * /api/prepared/meetings/:id sends the same three statements as named prepared statements, as the API does its own.
 *
 * Environment: DATABASE_URL, PORT.
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const app = Fastify();

app.get('/api/health', async () => ({ status: 'ok' }));

/** The statement itself, or a named prepared statement of it. */
const statement = (name: string, text: string, prepared: boolean) => (prepared ? { name, text } : { text });

async function readMeeting(id: string, prepared: boolean) {
  const { rows: meetings } = await pool.query(
    statement(
      'meeting',
      `SELECT m.id, m.committee_id AS "committeeId", c.name AS "committeeName", m.title, m.starts_at AS "startsAt", m.ends_at AS "endsAt",
            m.location, m.state, m.row_version AS "rowVersion", m.sequence, m.published_at AS "publishedAt"
       FROM meeting m JOIN committee c ON c.id = m.committee_id WHERE m.id = $1`,
      prepared,
    ),
    [id],
  );
  const meeting = meetings[0];
  if (!meeting) return null;
  const [items, attendance] = await Promise.all([
    pool.query(
      statement(
        'items',
        `SELECT i.id, i.meeting_id AS "meetingId", i.number, i.title, i.case_number AS "caseNumber", i.start_time AS "startTime",
              i.end_time AS "endTime", i.closed, i.closed_reason AS "closedReason", i.summary, i.recommendation, i.presentation,
              i.decision, i.attachment_names AS "attachmentNames", i.state, i.row_version AS "rowVersion",
              i.referred_from_item_id AS "referredFromItemId",
              coalesce((SELECT json_agg(a ORDER BY a.created_at, a.id) FROM item_attachment a WHERE a.item_id = i.id), '[]') AS attachments,
              coalesce((SELECT json_agg(n) FROM item_note n WHERE n.item_id = i.id), '[]') AS notes
         FROM agenda_item i WHERE i.meeting_id = $1 ORDER BY i.number`,
        prepared,
      ),
      [meeting.id],
    ),
    pool.query(
      statement(
        'attendance',
        `SELECT p.id AS "personId", p.name, p.party, array_agg(DISTINCT s.role) AS roles, a.status, a.until, a.note
         FROM membership s JOIN person p ON p.id = s.person_id
         LEFT JOIN attendance a ON a.person_id = p.id AND a.meeting_id = $1
        WHERE s.committee_id = $2 AND s.start_date <= $3::date AND (s.end_date IS NULL OR s.end_date >= $3::date)
        GROUP BY p.id, a.status, a.until, a.note ORDER BY p.name`,
        prepared,
      ),
      [meeting.id, meeting.committeeId, meeting.startsAt],
    ),
  ]);
  return { ...meeting, items: items.rows, attendance: attendance.rows };
}

for (const [path, prepared] of [
  ['/api/meetings/:id', false],
  ['/api/prepared/meetings/:id', true],
] as const) {
  app.get<{ Params: { id: string } }>(path, async (request, reply) => (await readMeeting(request.params.id, prepared)) ?? reply.code(404).send({ statusCode: 404 }));
}

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
