import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BenchEnvironment } from '../bench-environment.js';
import { sleep, waitForOutboxDrained } from '@app/test-kit';
import { type BareMinutesItem, type BarePdfKind, renderBareMinutesPdf } from '../baselines/bare-minutes-pdf.js';
import { WORST_MINUTES_ITEMS, worstHeldMeeting } from '../support/worst-minutes-workload.js';
import { type FigureRow, formatNumber } from '../support/figure-table.js';
import { median } from '../support/statistics.js';

const DECISION = 'Udvalget tog orienteringen til efterretning og besluttede at fortsætte indsatsen som indstillet.';

/**
 * A held meeting of `itemCount` decided items: the first through the API (publish, hold), the rest copied from it
 * in SQL, since a thousand items typed in one by one would be the fixture's time, not the figure's.
 */
async function heldMeeting(env: BenchEnvironment, itemCount: number, minutesAgo: number): Promise<string> {
  const { secretary, committeeId } = env.committee;
  const meetings = env.fixtures.meetings(committeeId, secretary.token);
  const { meetingId } = await meetings.heldMeeting({ startsAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(), itemCount: 1 });
  await env.db.query(`UPDATE agenda_item SET state = 'decided', decision = $2 WHERE meeting_id = $1`, [meetingId, DECISION]);
  await env.db.query(
    `INSERT INTO agenda_item (meeting_id, number, title, case_number, closed, closed_reason, closed_reason_text, public_title, summary, recommendation, presentation, decision, attachment_names, state)
     SELECT meeting_id, n, regexp_replace(title, '^Punkt 1', 'Punkt ' || n), case_number, closed, closed_reason, closed_reason_text, public_title, summary, recommendation, presentation, decision, attachment_names, state
       FROM agenda_item, generate_series(2, $2::int) n WHERE meeting_id = $1`,
    [meetingId, itemCount],
  );
  return meetingId;
}

/** Seconds from asking for the minutes until the worker has assembled them: both variants, as HTML, Markdown and PDF. */
async function assemblySeconds(env: BenchEnvironment, meetingId: string): Promise<number> {
  const token = env.committee.secretary.token;
  const path = `/api/meetings/${meetingId}/minutes`;
  const started = performance.now();
  await env.api.expect(202, 'POST', path, { token });
  for (;;) {
    const { state, error } = await env.api.expect(200, 'GET', path, { token });
    if (state === 'ready') return (performance.now() - started) / 1000;
    if (state === 'failed') throw new Error(`The minutes of ${meetingId} failed: ${error}`);
    await sleep(20);
  }
}

/** The PDFs an assembly makes: one per variant. */
const ASSEMBLED_VARIANTS = ['members', 'public'] as const;
const ASSEMBLED_PDFS = ASSEMBLED_VARIANTS.length;

/**
 * The texts of the minutes as the assembly wrote them, one variant's Markdown read back into headings and their
 * paragraphs: every heading, field, list line and paragraph the PDF has, markup and escapes taken out.
 */
function bareItemsOfMarkdown(markdown: string): BareMinutesItem[] {
  const items: BareMinutesItem[] = [{ heading: '', paragraphs: [] }];
  const plain = (line: string) => line.replace(/^(#+|-) /, '').replace(/^\*\*(.+?):\*\*/, '$1:').replace(/^\*(.*)\*$/, '$1').replace(/ {2}$/, '').replace(/\\(.)/g, '$1');
  for (const paragraph of markdown.split(/\n{2,}/)) {
    const lines = paragraph.split('\n').filter((line) => line.trim() !== '');
    if (!lines.length) continue;
    if (/^#+ /.test(lines[0])) items.push({ heading: plain(lines[0]), paragraphs: [] });
    else items[items.length - 1].paragraphs.push(...(lines[0].startsWith('- ') ? lines.map(plain) : [lines.map(plain).join('\n')]));
  }
  return items.filter((item) => item.heading || item.paragraphs.length);
}

/** The texts of the PDFs the assembly made, one per variant (members', public), as bare pdfkit lays them out. */
async function assembledTexts(env: BenchEnvironment, meetingId: string): Promise<BareMinutesItem[][]> {
  const token = env.committee.secretary.token;
  const variants = await Promise.all(ASSEMBLED_VARIANTS.map((variant) => env.api.expect<string>(200, 'GET', `/api/meetings/${meetingId}/minutes.md?variant=${variant}`, { token })));
  return variants.map(bareItemsOfMarkdown);
}

/** Seconds for bare pdfkit to lay out those texts, one PDF per variant. */
async function bareSeconds(texts: readonly BareMinutesItem[][], kind: BarePdfKind): Promise<number> {
  const started = performance.now();
  for (const items of texts) await renderBareMinutesPdf(items, kind);
  return (performance.now() - started) / 1000;
}

/** The bare baseline of the worst case in a Node process of its own: its seconds and its peak memory. */
async function bareWorst(env: BenchEnvironment): Promise<{ seconds: number; peakMiB: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, [env.cluster.build.path('bench/baselines/bare-worst-minutes-pdf.js')], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

/**
 * (5b, 5c) The worst allowed input: time and peak memory of its assembly, on a freshly started worker so that its
 * peak (VmHWM) is this assembly's, against bare pdfkit laying out the same texts in a fresh process.
 */
async function worstCaseFigures(env: BenchEnvironment): Promise<FigureRow[]> {
  const meetingId = await worstHeldMeeting(env.fixtures.meetings(env.committee.committeeId, env.committee.secretary.token), env.db, new Date(Date.now() - 60 * 60_000));
  await waitForOutboxDrained(env.db, 600_000);
  const worker = env.cluster.workers[0];
  await worker.stop();
  await worker.start();
  const seconds = await assemblySeconds(env, meetingId);
  const peakMiB = await worker.peakMemoryMiB();
  const bare = await bareWorst(env);
  const what = `${WORST_MINUTES_ITEMS} items, every field one unbroken word at its cap`;
  return [
    {
      figure: `5b. worst allowed minutes (${what}): assembly and PDF (s, median of 1)`,
      ours: formatNumber(seconds, 2),
      baseline: `${formatNumber(bare.seconds, 2)} (bare pdfkit, one PDF)`,
      ratio: seconds / bare.seconds,
    },
    {
      figure: '5c. peak memory of a fresh worker assembling (5b) (VmHWM, MiB)',
      ours: formatNumber(peakMiB),
      baseline: `${formatNumber(bare.peakMiB)} (bare pdfkit process)`,
      ratio: peakMiB / bare.peakMiB,
    },
  ];
}

/**
 * (5) Minutes assembly and PDF for 10, 100 and 1,000 items through the worker, and how the time grows; (5a) the
 * same against pdfkit alone laying out the same texts as tagged PDF/A (issue 17: at most 1.5 times), (5d) as plain
 * PDF; then (5b, 5c).
 */
export async function minutesAssemblyFigures(env: BenchEnvironment): Promise<FigureRow[]> {
  // The largest minutes are laid out in seconds now, no longer minutes: as many rounds as the other figures have,
  // the median taken, for a round swings by a third from one to the next.
  const { minutesItems: sizes, rounds } = env.scale;
  const ours: number[] = [];
  const bare: number[] = [];
  const bareUntagged: number[] = [];
  for (const [index, itemCount] of sizes.entries()) {
    const meetingId = await heldMeeting(env, itemCount, 30 + index);
    const oursRounds: number[] = [];
    const bareRounds: number[] = [];
    const untaggedRounds: number[] = [];
    for (let round = 0; round < rounds; round++) {
      // The jobs the fixture left (its publishing's e-mails among them) are not the assembly's.
      await waitForOutboxDrained(env.db, 600_000);
      oursRounds.push(await assemblySeconds(env, meetingId));
      const texts = await assembledTexts(env, meetingId);
      bareRounds.push(await bareSeconds(texts, 'tagged'));
      untaggedRounds.push(await bareSeconds(texts, 'untagged'));
    }
    ours.push(median(oursRounds));
    bare.push(median(bareRounds));
    bareUntagged.push(median(untaggedRounds));
  }
  const growth = ours[ours.length - 1] / ours[ours.length - 2];
  const seconds = (values: number[]) => values.map((value) => formatNumber(value, 2)).join(' / ');
  const ratiosTo = (baseline: number[]) => ours.map((value, index) => value / baseline[index]);
  const ratios = ratiosTo(bare);
  const worstRatio = Math.max(...ratios);
  const untaggedRatios = ratiosTo(bareUntagged);
  const bareGrowth = bare[bare.length - 1] / bare[bare.length - 2];
  return [
    {
      figure: `5. minutes assembly and PDF, ${sizes.map((size) => formatNumber(size)).join(' / ')} items (s, median of ${rounds}; ratio = growth ${formatNumber(sizes[sizes.length - 1])} / ${formatNumber(sizes[sizes.length - 2])})`,
      ours: seconds(ours),
      baseline: `${seconds(bare)} (bare pdfkit, the ${ASSEMBLED_PDFS} PDFs tagged; growth ${formatNumber(bareGrowth, 2)})`,
      ratio: growth,
      goal: { text: 'growth ≤ 12 (linear)', met: growth <= 12 },
      ciGoal: { text: 'growth ≤ 20', met: growth <= 20 },
    },
    {
      figure: `5a. (5) against bare pdfkit laying out the same ${ASSEMBLED_PDFS} PDFs as tagged PDF/A, ${sizes.map((size) => formatNumber(size)).join(' / ')} items (ours ÷ bare; ratio = the largest)`,
      ours: ratios.map((ratio) => formatNumber(ratio, 2)).join(' / '),
      baseline: '1 (bare pdfkit, tagged)',
      ratio: worstRatio,
      goal: { text: '≤ 1.5 at every size', met: worstRatio <= 1.5 },
    },
    {
      figure: `5d. (5) against bare pdfkit laying out the same texts as plain, untagged PDF, ${sizes.map((size) => formatNumber(size)).join(' / ')} items (ours ÷ bare; ratio = the largest)`,
      ours: untaggedRatios.map((ratio) => formatNumber(ratio, 2)).join(' / '),
      baseline: `${seconds(bareUntagged)} (bare pdfkit, untagged)`,
      ratio: Math.max(...untaggedRatios),
    },
    ...(await worstCaseFigures(env)),
  ];
}
