import type pg from 'pg';
import { FIXTURE_PASSWORD } from '@app/test-kit';
import { PasswordHasher } from '@app/people';

/** How large an installation is: the sizes of the tables every list and read runs against. */
export interface InstallationSize {
  label: string;
  committees: number;
  meetings: number;
  itemsPerMeeting: number;
  people: number;
  auditRows: number;
  deliveries: number;
}

/** Seated in each committee: a secretary, a chair and nine members, as in the other figures. */
const SEATS_PER_COMMITTEE = 11;
/** Planned meetings of each size kept back, their items ready, for the publishing requests to send out. */
export const MEETINGS_TO_PUBLISH = 40;

/** What the requests of the scale figure need from the seed, taken from the seed itself rather than from any list. */
export interface SeededInstallation {
  size: InstallationSize;
  /** A committee and one of its published meetings, read by its member. */
  committeeId: string;
  meetingId: string;
  caseNumber: string;
  memberEmail: string;
  secretaryEmail: string;
  /** Planned meetings of the secretary's committee, items ready, one per publishing request. */
  meetingsToPublish: string[];
}

const COMMITTEE_NAMES = [
  'Økonomiudvalget', 'Børne- og Uddannelsesudvalget', 'Social- og Sundhedsudvalget', 'Teknik- og Miljøudvalget', 'Kultur- og Fritidsudvalget',
  'Beskæftigelsesudvalget', 'Plan- og Udviklingsudvalget', 'Klima- og Naturudvalget', 'Ældreudvalget', 'Erhvervs- og Turismeudvalget',
];
const FIRST_NAMES = ['Anne', 'Mette', 'Hanne', 'Lars', 'Jens', 'Peter', 'Kirsten', 'Søren', 'Camilla', 'Mads', 'Louise', 'Rasmus', 'Pia', 'Henrik', 'Birgitte', 'Ole', 'Sofie', 'Niels', 'Ida', 'Jørgen'];
const SURNAMES = ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen', 'Møller', 'Lund', 'Holm', 'Schmidt', 'Friis'];
const PARTIES = ['Socialdemokratiet', 'Venstre', 'Det Konservative Folkeparti', 'SF', 'Enhedslisten', 'Radikale Venstre', 'Dansk Folkeparti', 'Liberal Alliance'];
const ITEM_TITLES = [
  'Budgetopfølgning pr. 31. marts', 'Godkendelse af kvalitetsrapport for dagtilbud', 'Status på indsatsen for udsatte borgere', 'Høring om ny affaldsplan',
  'Anlægsbevilling til renovering af skolen', 'Orientering om sygefravær', 'Lokalplan for boligområde ved Stationsvej', 'Tilsyn på plejecentrene',
  'Revision af serviceniveau for hjemmehjælp', 'Ansøgning om tilskud fra puljen til grøn omstilling',
];
const DELIVERY_KINDS = ['agenda', 'agenda-update', 'minutes-awaiting-signature', 'minutes-published'];
const AUDIT_ACTIONS = ['auth.login', 'meeting.publish', 'item.update', 'item.create', 'meeting.update', 'attendance.update', 'minutes.approve', 'person.create'];

/**
 * Fills a freshly migrated database (the admin already made by the API) with an installation of `size`, in SQL
 * (generate_series), as the API would have left it: one municipality, committees each with a secretary, a chair and
 * nine members, meetings weekly per committee (the past ones held with their items decided, the coming ones
 * published), twenty items of ordinary length each (the last one closed), the agenda e-mails of the meetings as
 * deliveries, and the audit trail. Every person has the fixtures' password, so any of them can log in.
 */
export async function seedInstallation(db: pg.Pool, size: InstallationSize): Promise<SeededInstallation> {
  const passwordHash = await PasswordHasher.hash(FIXTURE_PASSWORD);
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const {
      rows: [body],
    } = await client.query(
      `INSERT INTO body (name, kind, election_term_start, election_term_end) VALUES ('Hedensted Kommune', 'municipality', '2022-01-01', '2025-12-31') RETURNING id`,
    );
    await client.query(
      `INSERT INTO committee (body_id, name, kind, mandate_start, mandate_end)
       SELECT $1, CASE WHEN n <= cardinality($3::text[]) THEN ($3::text[])[n] ELSE ($3::text[])[1 + (n - 1) % cardinality($3::text[])] || ' ' || (1 + (n - 1) / cardinality($3::text[])) END,
              'standing', '2022-01-01', NULL
         FROM generate_series(1, $2::int) AS n`,
      [body.id, size.committees, COMMITTEE_NAMES],
    );
    await client.query(
      `INSERT INTO person (name, email, party, title, password_hash)
       SELECT ($2::text[])[1 + n % cardinality($2::text[])] || ' ' || ($3::text[])[1 + (n / cardinality($2::text[])) % cardinality($3::text[])] || CASE WHEN n >= 400 THEN ' ' || n ELSE '' END,
              'person-' || n || '@hedensted.example.dk', ($4::text[])[1 + n % cardinality($4::text[])], CASE WHEN n % 11 = 0 THEN 'Udvalgssekretær' END, $5
         FROM generate_series(1, $1::int) AS n`,
      [size.people, FIRST_NAMES, SURNAMES, PARTIES, passwordHash],
    );
    // Seat k of committee c goes to person (c·11 + k) mod people: seat 0 the secretary, seat 1 the chair, the rest members.
    await client.query(
      `WITH committees AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS c FROM committee WHERE body_id = $1),
            people AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS p FROM person WHERE email LIKE '%@hedensted.example.dk')
       INSERT INTO membership (committee_id, person_id, role, start_date)
       SELECT committees.id, people.id, CASE k WHEN 0 THEN 'secretary' WHEN 1 THEN 'chair' ELSE 'member' END, '2022-01-01'
         FROM committees CROSS JOIN generate_series(0, $2::int - 1) AS k JOIN people ON people.p = (committees.c * $2 + k) % $3`,
      [body.id, SEATS_PER_COMMITTEE, size.people],
    );
    // Weekly per committee, nine in ten of them past (held), the rest coming (published).
    await client.query(
      `WITH committees AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS c, count(*) OVER () AS total FROM committee WHERE body_id = $1),
            slots AS (SELECT n, committees.id AS committee_id,
                             date_trunc('day', now()) + interval '16 hours' + (n / committees.total - ceil(0.9 * $2 / committees.total)::int) * interval '7 days' + (committees.c % 5) * interval '1 day' AS starts_at
                        FROM generate_series(0, $2::int - 1) AS n JOIN committees ON committees.c = n % committees.total)
       INSERT INTO meeting (committee_id, title, starts_at, ends_at, location, state, sequence, published_at)
       SELECT committee_id, 'Ordinært møde', starts_at, starts_at + interval '3 hours', 'Rådhuset, Mødelokale ' || (1 + n % 4),
              CASE WHEN starts_at < now() THEN 'held' ELSE 'published' END, 1, starts_at - interval '8 days'
         FROM slots`,
      [body.id, size.meetings],
    );
    const {
      rows: [first],
    } = await client.query(
      `SELECT c.id AS "committeeId" FROM committee c WHERE c.body_id = $1 ORDER BY c.name LIMIT 1`,
      [body.id],
    );
    // The meetings kept back for publishing: planned, a year ahead, in the first committee.
    await client.query(
      `INSERT INTO meeting (committee_id, title, starts_at, ends_at, location, state)
       SELECT $1, 'Ekstraordinært møde', date_trunc('day', now() + interval '1 year') + n * interval '1 day' + interval '16 hours',
              date_trunc('day', now() + interval '1 year') + n * interval '1 day' + interval '18 hours', 'Rådhuset, Mødelokale 1', 'planned'
         FROM generate_series(1, $2::int) AS n`,
      [first.committeeId, MEETINGS_TO_PUBLISH],
    );
    await client.query(
      `INSERT INTO agenda_item (meeting_id, number, title, case_number, start_time, end_time, closed, closed_reason, public_title, summary, recommendation, presentation, decision, attachment_names, state)
       SELECT m.id, k, ($3::text[])[1 + (k + abs(hashtext(m.id::text))) % cardinality($3::text[])],
              to_char(m.starts_at, 'YY') || '.' || lpad((k % 30)::text, 2, '0') || '.00-A00-' || (row_number() OVER (ORDER BY m.starts_at, m.id, k)) || '-' || to_char(m.starts_at, 'YY'),
              lpad((16 + (k - 1) / 8)::text, 2, '0') || ':' || lpad((((k - 1) % 8) * 7)::text, 2, '0'),
              lpad((16 + (k - 1) / 8)::text, 2, '0') || ':' || lpad((((k - 1) % 8) * 7 + 5)::text, 2, '0'),
              k = $2, CASE WHEN k = $2 THEN 'personal-matter' END, CASE WHEN k = $2 THEN 'Personalesag' END,
              'Udvalget orienteres om status for indsatsen og drøfter de næste skridt.',
              'Direktionen indstiller, at udvalget tager orienteringen til efterretning og drøfter prioriteringen.',
              repeat('Indsatsen har i perioden omfattet opsøgende arbejde, samarbejde med civilsamfundet og en ny visitationspraksis. ', 6),
              CASE WHEN m.state = 'held' THEN 'Orienteringen blev taget til efterretning.' END,
              ARRAY['Bilag ' || k || ' - Statusnotat.pdf'],
              CASE m.state WHEN 'held' THEN 'decided' WHEN 'published' THEN 'on-agenda' ELSE 'ready' END
         FROM meeting m CROSS JOIN generate_series(1, $2::int) AS k
        WHERE m.committee_id IN (SELECT id FROM committee WHERE body_id = $1)`,
      [body.id, size.itemsPerMeeting, ITEM_TITLES],
    );
    // The e-mails about the meetings, to each member: the agenda, an updated agenda, the minutes awaiting signature
    // and the published minutes, the newest meetings' first, as many as the size has deliveries.
    await client.query(
      `WITH recipients AS (
         SELECT m.id AS meeting_id, p.id AS person_id, p.email, e.kind, m.published_at + e.ordinality * interval '1 day' AS at,
                row_number() OVER (ORDER BY m.starts_at DESC, m.id, p.email, e.ordinality) AS n
           FROM meeting m JOIN membership s ON s.committee_id = m.committee_id JOIN person p ON p.id = s.person_id
                CROSS JOIN unnest($3::text[]) WITH ORDINALITY AS e(kind, ordinality)
          WHERE m.state IN ('published', 'held') AND m.committee_id IN (SELECT id FROM committee WHERE body_id = $1))
       INSERT INTO delivery (key, kind, recipient, person_id, subject_id, status, message_id, attempts, sent_at, created_at, updated_at)
       SELECT kind || ':' || meeting_id || ':' || person_id, kind, email, person_id, meeting_id, 'sent',
              '<' || gen_random_uuid() || '@hedensted.example.dk>', 1, at + interval '1 minute', at, at + interval '1 minute'
         FROM recipients WHERE n <= $2`,
      [body.id, size.deliveries, DELIVERY_KINDS],
    );
    await client.query(
      `WITH people AS (SELECT array_agg(id ORDER BY email) AS ids, array_agg(email ORDER BY email) AS emails FROM person WHERE email LIKE '%@hedensted.example.dk')
       INSERT INTO audit_entry (at, actor_id, actor_email, action, entity_type, entity_id, request_id, method, path, status_code, details)
       SELECT now() - (n * interval '90 seconds'), people.ids[1 + n % cardinality(people.ids)], people.emails[1 + n % cardinality(people.emails)],
              ($2::text[])[1 + n % cardinality($2::text[])], 'meeting', gen_random_uuid()::text, gen_random_uuid()::text, 'POST',
              '/api/meetings/' || gen_random_uuid() || '/transitions', 200, jsonb_build_object('event', 'publish', 'sequence', 1 + n % 3)
         FROM people CROSS JOIN generate_series(1, $1::int) AS n`,
      [size.auditRows, AUDIT_ACTIONS],
    );
    const {
      rows: [picked],
    } = await client.query(
      `SELECT m.id AS "meetingId", i.case_number AS "caseNumber",
              (SELECT p.email FROM membership s JOIN person p ON p.id = s.person_id WHERE s.committee_id = m.committee_id AND s.role = 'member' ORDER BY p.email LIMIT 1) AS "memberEmail",
              (SELECT p.email FROM membership s JOIN person p ON p.id = s.person_id WHERE s.committee_id = m.committee_id AND s.role = 'secretary' LIMIT 1) AS "secretaryEmail"
         FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id AND i.number = 1
        WHERE m.committee_id = $1 AND m.state = 'published' ORDER BY m.starts_at LIMIT 1`,
      [first.committeeId],
    );
    const { rows: planned } = await client.query(`SELECT id FROM meeting WHERE committee_id = $1 AND state = 'planned' ORDER BY starts_at`, [first.committeeId]);
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return { size, committeeId: first.committeeId, ...picked, meetingsToPublish: planned.map((row: { id: string }) => row.id) };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
