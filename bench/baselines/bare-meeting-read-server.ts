/**
 * The bare baseline of the meeting read: Fastify and `pg` only, no framework, no login, no validation, no
 * request context. It answers what GET /api/meetings/:id answers, field for field (the meeting, its items with
 * their attachments, dissents, disqualifications, votes, earlier decisions, onward referral and quorum, and the
 * attendance with substitutes), so the gap to it is what the application's layers cost, not a smaller answer.
 * /api/prepared/meetings/:id sends the same three statements as named prepared statements, as the API does its own.
 *
 * Environment: DATABASE_URL, PORT.
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const app = Fastify();

app.get('/api/health', async () => ({ status: 'ok' }));

const MEETING = `SELECT m.id, m.committee_id AS "committeeId", c.name AS "committeeName", m.title, m.starts_at AS "startsAt", m.ends_at AS "endsAt",
         m.location, m.state, m.row_version AS "rowVersion", m.sequence, m.published_at AS "publishedAt", m.ended_at AS "endedAt",
         (m.starts_at AT TIME ZONE 'Europe/Copenhagen')::date::text AS day
    FROM meeting m JOIN committee c ON c.id = m.committee_id WHERE m.id = $1`;

const ITEMS = `SELECT i.id, i.meeting_id AS "meetingId", i.number, i.title, i.case_number AS "caseNumber", i.start_time AS "startTime",
         i.end_time AS "endTime", i.closed, i.closed_reason AS "closedReason", i.closed_reason_text AS "closedReasonText", i.public_title AS "publicTitle",
         i.summary, i.recommendation, i.presentation, i.decision, i.attachment_names AS "attachmentNames", i.state, i.row_version AS "rowVersion",
         i.referred_from_item_id AS "referredFromItemId",
         CASE WHEN i.referred_from_item_id IS NULL THEN '[]'::json ELSE coalesce((
           WITH RECURSIVE earlier AS (
             SELECT e.id, e.referred_from_item_id, e.meeting_id, e.decision, e.closed, 1 AS depth FROM agenda_item e WHERE e.id = i.referred_from_item_id
             UNION ALL
             SELECT e.id, e.referred_from_item_id, e.meeting_id, e.decision, e.closed, earlier.depth + 1
               FROM agenda_item e JOIN earlier ON e.id = earlier.referred_from_item_id WHERE earlier.depth < 50)
           SELECT json_agg(json_build_object('itemId', earlier.id, 'meetingId', em.id, 'committeeName', ec.name,
                                             'meetingStartsAt', to_char(em.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                             'decision', earlier.decision, 'closed', earlier.closed, 'minutesPublic', em.minutes_published_at IS NOT NULL)
                           ORDER BY earlier.depth DESC)
             FROM earlier JOIN meeting em ON em.id = earlier.meeting_id JOIN committee ec ON ec.id = em.committee_id
            WHERE nullif(btrim(earlier.decision), '') IS NOT NULL), '[]') END AS "earlierDecisions",
         (SELECT tc.name FROM agenda_item_referral r JOIN meeting tm ON tm.id = r.to_meeting_id JOIN committee tc ON tc.id = tm.committee_id
           WHERE r.item_id = i.id AND r.state IN ('proposed', 'accepted')) AS "referredToCommitteeName",
         i.sent_late_at AS "sentLateAt", i.origin_kind AS "originKind", i.origin_id AS "originId", i.decision_outcome AS "decisionOutcome",
         coalesce((SELECT json_agg(json_build_object('id', a.id, 'name', a.name, 'contentType', a.content_type, 'size', a.size, 'sha256', a.sha256,
                                                     'createdAt', a.created_at, 'sentLateAt', a.sent_late_at) ORDER BY a.created_at, a.id)
                     FROM item_attachment a WHERE a.item_id = i.id), '[]') AS attachments,
         coalesce((SELECT json_agg(json_build_object('id', n.id, 'personId', n.person_id, 'personName', p.name, 'text', n.text) ORDER BY p.name)
                     FROM item_note n JOIN person p ON p.id = n.person_id WHERE n.item_id = i.id AND n.kind = 'dissent'), '[]') AS dissents,
         coalesce((SELECT json_agg(json_build_object('id', n.id, 'personId', n.person_id, 'personName', p.name, 'text', n.text) ORDER BY p.name)
                     FROM item_note n JOIN person p ON p.id = n.person_id WHERE n.item_id = i.id AND n.kind = 'disqualification'), '[]') AS disqualifications,
         coalesce((SELECT json_agg(json_build_object('personId', v.person_id, 'personName', p.name, 'party', p.party, 'vote', v.vote) ORDER BY p.name)
                     FROM item_vote v JOIN person p ON p.id = v.person_id WHERE v.item_id = i.id), '[]') AS votes
    FROM agenda_item i WHERE i.meeting_id = $1 ORDER BY i.number`;

/** Everyone seated on the meeting's day and anyone else with recorded attendance: chair, vice-chair, members, secretary. */
const ATTENDANCE = `SELECT p.id AS "personId", p.name, p.party, coalesce(s.roles, '{}') AS roles, a.status, a.until, a.note,
         sf.id AS "substituteForId", sf.name AS "substituteForName"
    FROM (SELECT person_id, array_agg(DISTINCT role) AS roles FROM membership
           WHERE committee_id = $2 AND start_date <= $3::date AND (end_date IS NULL OR end_date >= $3::date) GROUP BY person_id) s
    FULL JOIN (SELECT person_id, status, until, note, substitute_for FROM attendance WHERE meeting_id = $1) a ON a.person_id = s.person_id
    JOIN person p ON p.id = coalesce(s.person_id, a.person_id)
    LEFT JOIN person sf ON sf.id = a.substitute_for
   ORDER BY CASE WHEN 'chair' = ANY(s.roles) THEN 0 WHEN 'vice-chair' = ANY(s.roles) THEN 1 WHEN 'secretary' = ANY(s.roles) THEN 3 ELSE 2 END, p.name`;

/** The statement itself, or a named prepared statement of it. */
const statement = (name: string, text: string, prepared: boolean) => (prepared ? { name, text } : { text });

interface Attendee {
  personId: string;
  roles: string[];
  status: string | null;
  substituteFor: { personId: string; name: string } | null;
}

const VOTES = new Set(['chair', 'vice-chair', 'member', 'external']);

/**
 * Beslutningsdygtighed as the API reports it: half of the voting seats present, a substitute counting for the
 * absent member they stand in for, the disqualified not counted.
 */
function quorum(attendance: Attendee[], disqualified: Set<string>) {
  const seated = attendance.filter((person) => person.roles.some((role) => VOTES.has(role)));
  const absent = new Set(seated.filter((person) => person.status === 'absent').map((person) => person.personId));
  const counted = attendance.filter((person) =>
    person.status !== 'absent' && (seated.includes(person) || (person.substituteFor !== null && absent.has(person.substituteFor.personId))),
  );
  const disqualifiedCount = counted.filter((person) => disqualified.has(person.personId)).length;
  const present = counted.length - disqualifiedCount;
  return { seats: seated.length, present, disqualified: disqualifiedCount, required: Math.ceil(seated.length / 2), met: present * 2 >= seated.length };
}

async function readMeeting(id: string, prepared: boolean) {
  const { rows: meetings } = await pool.query(statement('meeting', MEETING, prepared), [id]);
  const { day, ...meeting } = meetings[0] ?? {};
  if (!meeting.id) return null;
  const [items, people] = await Promise.all([
    pool.query(statement('items', ITEMS, prepared), [meeting.id]),
    pool.query(statement('attendance', ATTENDANCE, prepared), [meeting.id, meeting.committeeId, day]),
  ]);
  const attendance: Attendee[] = people.rows.map(({ substituteForId, substituteForName, ...person }) => ({
    ...person,
    substituteFor: substituteForId ? { personId: substituteForId, name: substituteForName } : null,
  }));
  for (const item of items.rows) item.quorum = quorum(attendance, new Set(item.disqualifications.map((note: { personId: string }) => note.personId)));
  return { ...meeting, attendance, items: items.rows };
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
