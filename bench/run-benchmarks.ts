/**
 * `npm run bench` (and `bench:quick` with --quick): starts the built API and worker as separate processes on a fresh
 * database and a Redis server of their own, measures each figure against a bare baseline in the same run, and
 * prints the table. `--quick` exits non-zero when a CI gate is missed; the full run only reports.
 */
import 'reflect-metadata';
import { waitForOutboxDrained } from '@app/test-kit';
import type { BenchEnvironment } from './bench-environment.js';
import { startBenchEnvironment } from './bench-environment.js';
import { agendaRoundFigures } from './figures/agenda-round.figure.js';
import { installationScaleFigures } from './figures/installation-scale.figure.js';
import { mailDeliveryFigures } from './figures/mail-delivery.figure.js';
import { meetingPageFigures } from './figures/meeting-page.figure.js';
import { meetingReadFigures } from './figures/meeting-read.figure.js';
import { minutesAssemblyFigures } from './figures/minutes-assembly.figure.js';
import { oparlListFigures } from './figures/oparl-list.figure.js';
import { reminderLatenessFigures } from './figures/reminder-lateness.figure.js';
import { type FigureRow, renderTable } from './support/figure-table.js';
import { describeMachine } from './support/machine.js';

/** The figures in the order they run; each returns its rows of the table. */
const FIGURES: { name: string; run: (env: BenchEnvironment) => Promise<FigureRow[]> }[] = [
  { name: 'meeting read', run: meetingReadFigures },
  { name: 'meeting page', run: meetingPageFigures },
  { name: 'oparl list', run: oparlListFigures },
  { name: 'e-mail delivery', run: mailDeliveryFigures },
  { name: 'agenda round', run: agendaRoundFigures },
  { name: 'reminder lateness', run: reminderLatenessFigures },
  { name: 'minutes assembly', run: minutesAssemblyFigures },
  { name: 'installation scale', run: installationScaleFigures },
];

async function main(): Promise<number> {
  const quick = process.argv.includes('--quick');
  // `--only=meeting` runs the figures whose name contains the word, e.g. while working on one of them.
  const only = process.argv.find((argument) => argument.startsWith('--only='))?.slice('--only='.length);
  const figures = only ? FIGURES.filter((figure) => figure.name.includes(only)) : FIGURES;
  if (!figures.length) throw new Error(`No figure is named like "${only}"; the figures are: ${FIGURES.map((figure) => figure.name).join(', ')}`);
  const started = Date.now();
  console.log(`Benchmarks${quick ? ' (quick)' : ''}: starting the API and the worker from the build...`);
  const { env, close } = await startBenchEnvironment(quick);
  let failed = true;
  try {
    const rows: FigureRow[] = [];
    for (const figure of figures) {
      const figureStarted = Date.now();
      console.log(`- ${figure.name}...`);
      // Work left by fixtures or an earlier figure (e-mails, reminders) must not run inside this figure's timing.
      await waitForOutboxDrained(env.db, 600_000);
      const figureRows = await figure.run(env);
      for (const row of figureRows) console.log(`  ${row.figure}: ${row.ours} vs ${row.baseline}${row.ratio === null ? '' : ` (ratio ${row.ratio.toFixed(2)})`}`);
      console.log(`  (${((Date.now() - figureStarted) / 1000).toFixed(0)} s)`);
      rows.push(...figureRows);
    }
    const { rows: pgVersion } = await env.db.query(`SELECT current_setting('server_version') AS version`);
    console.log(`\nTaken on ${describeMachine({ postgres: pgVersion[0].version, redis: await env.cluster.redis.version() })}, ${new Date().toISOString().slice(0, 10)}.`);
    console.log(`${quick ? 'Quick run' : 'Full run'} in ${((Date.now() - started) / 1000).toFixed(0)} s.\n`);
    // In the issue's order; the figures run in the order that shares their set-up.
    const ordered = [...rows].sort((a, b) => Number.parseInt(a.figure, 10) - Number.parseInt(b.figure, 10));
    console.log(renderTable(ordered, { withCiGate: quick }));
    const missed = rows.filter((row) => row.ciGoal && !row.ciGoal.met);
    failed = false;
    if (quick && missed.length) {
      console.error(`\nCI gate missed: ${missed.map((row) => row.figure).join('; ')}`);
      return 1;
    }
    return 0;
  } finally {
    await close(failed);
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
