/**
 * The bare baseline of OParl's list of meetings: Fastify and `pg` only, no framework, no validation, no request
 * context. GET /oparl/v1.1/body/:id/meeting answers the first page (100 meetings, oldest first, each with its agenda,
 * a closed item as "Lukket punkt: <public title>" without text, its agenda and referat PDFs and its open items' Bilag
 * as files) as the API does, in one prepared statement, so the gap to it is what the application's layers cost.
 *
 * Environment: DATABASE_URL, PORT, PUBLIC_BASE_URL (the base of the ids, as the API under test builds them).
 */
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const app = Fastify();
const base = `${process.env.PUBLIC_BASE_URL}/oparl/v1.1`;
const SCHEMA = 'https://schema.oparl.org/1.1';
const PAGE = 100;
const MEETING_STATES: Record<string, string> = { published: 'Dagsorden udsendt', held: 'Afholdt', closed: 'Afsluttet' };
const ITEM_RESULTS: Record<string, string> = { decided: 'Afgjort', postponed: 'Udsat', referred: 'Henvist' };

const at = (time: string) => `CASE WHEN ${time} IS NULL THEN NULL ELSE ((((page.starts_at AT TIME ZONE 'Europe/Copenhagen')::date) + ${time}::time) AT TIME ZONE 'Europe/Copenhagen') END`;

/** The page's meetings first, then each one's items with their Bilag and removed Bilag, by index, joined laterally. */
const PAGE_SQL = `
  WITH page AS (
    SELECT m.id, m.committee_id, c.name AS committee_name, m.title, m.state, m.starts_at, m.ends_at, m.location, m.created_at, m.updated_at, m.published_at
      FROM meeting m JOIN committee c ON c.id = m.committee_id
     WHERE c.body_id = $1 AND m.published_at IS NOT NULL AND m.state IN ('published', 'held', 'closed')
     ORDER BY m.created_at, m.id LIMIT ${PAGE + 1}
  )
  SELECT page.id, page.committee_id AS "committeeId", page.committee_name AS "committeeName", page.title, page.state, page.starts_at AS "startsAt", page.ends_at AS "endsAt",
         page.location, page.created_at AS created, page.published_at AS "publishedAt",
         greatest(page.updated_at, items.modified, d.built_at, mi.published_at) AS modified, coalesce(items.list, '[]') AS items,
         d.size AS "agendaSize", d.sha512 AS "agendaSha512", d.built_at AS "agendaBuilt", d.meeting_id IS NOT NULL AS "hasAgenda",
         mf.size AS "minutesSize", mf.sha512 AS "minutesSha512", mi.published_at AS "minutesPublished", mf.minutes_id IS NOT NULL AS "hasMinutes"
    FROM page
    LEFT JOIN LATERAL (
      SELECT max(greatest(i.updated_at, b.added, rm.removed)) AS modified,
             json_agg(json_build_object('id', i.id, 'number', i.number, 'title', i.title, 'closed', i.closed, 'publicTitle', i.public_title, 'caseNumber', i.case_number,
                      'start', ${at('i.start_time')}, 'end', ${at('i.end_time')}, 'decision', i.decision, 'state', i.state,
                      'created', i.created_at, 'modified', greatest(i.updated_at, b.added, rm.removed),
                      'files', CASE WHEN NOT i.closed AND i.state <> 'withdrawn' THEN coalesce(b.files, '[]') ELSE '[]' END) ORDER BY i.number) AS list
        FROM agenda_item i
        CROSS JOIN LATERAL (SELECT max(a.created_at) AS added,
                                   json_agg(json_build_object('id', a.id, 'name', a.name, 'mimeType', a.content_type, 'size', a.size, 'sha512', a.sha512, 'created', a.created_at)
                                            ORDER BY a.created_at, a.id) AS files
                              FROM item_attachment a WHERE a.item_id = i.id) b
        CROSS JOIN LATERAL (SELECT max(r.removed_at) AS removed FROM item_attachment_removal r WHERE r.item_id = i.id) rm
       WHERE i.meeting_id = page.id
    ) items ON true
    LEFT JOIN agenda_document d ON d.meeting_id = page.id AND d.variant = 'public'
    LEFT JOIN minutes mi ON mi.meeting_id = page.id AND mi.state = 'published'
    LEFT JOIN minutes_file mf ON mf.minutes_id = mi.id AND mf.variant = 'public' AND mf.format = 'pdf'
                             AND mf.edition = CASE WHEN mi.sealed_hash IS NULL THEN 'assembled' ELSE 'signed' END
   ORDER BY page.created_at, page.id`;

const publicApi = `${process.env.PUBLIC_BASE_URL}/api/public`;
const COPENHAGEN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' });
const day = (instant: Date | string) => COPENHAGEN_DAY.format(new Date(instant));
const slug = (text: string) =>
  text
    .toLocaleLowerCase('da')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');

/** An embedded file: no back-references. */
function file(kind: string, id: string, fields: { name: string; fileName: string; mimeType: string; size: number; sha512: string; created: Date | string; modified: Date | string; url: string }) {
  return withValues(
    { id: `${base}/file/${kind}/${id}`, type: `${SCHEMA}/File`, created: dateTime(fields.created), modified: dateTime(fields.modified) },
    {
      name: fields.name,
      fileName: fields.fileName,
      mimeType: fields.mimeType,
      date: day(fields.created),
      size: fields.size,
      sha512Checksum: fields.sha512,
      accessUrl: `${fields.url}?disposition=inline`,
      downloadUrl: `${fields.url}?disposition=attachment`,
    },
  );
}

const dateTime = (instant: Date | string) => `${new Date(instant).toISOString().slice(0, 19)}+00:00`;
/** `properties` added to `object` but those without a value, in place. */
function withValues(object: Record<string, unknown>, properties: Record<string, unknown>) {
  for (const key in properties) {
    const value = properties[key];
    if (value !== null && value !== undefined && value !== '') object[key] = value;
  }
  return object;
}

function agendaItem(meetingId: string, item: any) {
  const id = `${base}/agendaItem/${item.id}`;
  const stamps = { id, type: `${SCHEMA}/AgendaItem`, created: dateTime(item.created), modified: dateTime(item.modified) };
  const slot = { start: item.start ? dateTime(item.start) : undefined, end: item.end ? dateTime(item.end) : undefined };
  if (item.closed) {
    const name = item.publicTitle?.trim() ? `Lukket punkt: ${item.publicTitle.trim()}` : 'Lukket punkt';
    return withValues(Object.assign(stamps, { meeting: `${base}/meeting/${meetingId}`, number: String(item.number), order: item.number, name, public: false }), slot);
  }
  const object = withValues(stamps, {
      meeting: `${base}/meeting/${meetingId}`,
      number: String(item.number),
      order: item.number,
      name: item.title,
      public: true,
      consultation: item.caseNumber ? `${base}/consultation/${item.id}` : undefined,
      result: ITEM_RESULTS[item.state],
      resolutionText: item.decision,
      auxiliaryFile: item.files.length
        ? item.files.map((bilag: any) =>
            file('attachment', bilag.id, {
              name: bilag.name,
              fileName: bilag.name,
              mimeType: bilag.mimeType,
              size: bilag.size,
              sha512: bilag.sha512,
              created: bilag.created,
              modified: bilag.created,
              url: `${publicApi}/attachments/${bilag.id}/content`,
            }),
          )
        : undefined,
    });
  return withValues(object, slot);
}

function meeting(row: any) {
  const id = `${base}/meeting/${row.id}`;
  const starts = day(row.startsAt);
  return withValues(
    { id, type: `${SCHEMA}/Meeting`, created: dateTime(row.created), modified: dateTime(row.modified) },
    {
      name: row.title ?? row.committeeName,
      meetingState: MEETING_STATES[row.state],
      cancelled: false,
      start: dateTime(row.startsAt),
      end: row.endsAt ? dateTime(row.endsAt) : undefined,
      organization: [`${base}/organization/${row.committeeId}`],
      invitation: row.hasAgenda
        ? file('agenda', row.id, {
            name: `Dagsorden, ${row.committeeName}, ${starts}`,
            fileName: `dagsorden-${slug(row.committeeName)}-${starts}-offentlig.pdf`,
            mimeType: 'application/pdf',
            size: row.agendaSize,
            sha512: row.agendaSha512,
            created: row.publishedAt,
            modified: row.agendaBuilt,
            url: `${publicApi}/meetings/${row.id}/agenda.pdf`,
          })
        : undefined,
      resultsProtocol: row.hasMinutes
        ? file('minutes', row.id, {
            name: `Referat, ${row.committeeName}, ${starts}`,
            fileName: `referat-${starts}-offentlig.pdf`,
            mimeType: 'application/pdf',
            size: row.minutesSize,
            sha512: row.minutesSha512,
            created: row.minutesPublished,
            modified: row.minutesPublished,
            url: `${publicApi}/meetings/${row.id}/minutes.pdf`,
          })
        : undefined,
      agendaItem: row.items.length ? row.items.map((item: any) => agendaItem(row.id, item)) : undefined,
      location: row.location
        ? { id: `${id}/location`, type: `${SCHEMA}/Location`, created: dateTime(row.created), modified: dateTime(row.modified), description: row.location, meetings: [id] }
        : undefined,
      web: `${process.env.PUBLIC_BASE_URL}/offentlig/moeder/${row.id}`,
    },
  );
}

app.get('/api/health', async () => ({ status: 'ok' }));

app.get<{ Params: { id: string } }>('/oparl/v1.1/body/:id/meeting', async (request, reply) => {
  const { rows } = await pool.query({ name: 'oparl-meetings-page', text: PAGE_SQL, values: [request.params.id] });
  const kept = rows.slice(0, PAGE);
  const listUrl = `${base}/body/${request.params.id}/meeting`;
  const last = kept[kept.length - 1];
  const next =
    rows.length > PAGE ? `${listUrl}?cursor=${Buffer.from(JSON.stringify({ after: [last.created.toISOString(), last.id], filters: {} })).toString('base64url')}` : undefined;
  reply.header('access-control-allow-origin', '*');
  return { data: kept.map(meeting), pagination: { elementsPerPage: PAGE }, links: { self: listUrl, first: listUrl, ...(next ? { next } : {}) } };
});

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
