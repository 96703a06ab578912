/** A goal and whether the measured figure met it. */
export interface Goal {
  text: string;
  met: boolean;
}

/** One line of the result table. */
export interface FigureRow {
  figure: string;
  ours: string;
  baseline: string;
  /** Ours against the baseline as the figure defines it; null where no single ratio makes sense. */
  ratio: number | null;
  /** Absent for a figure that is only reported. */
  goal?: Goal;
  /**
   * The looser goal that `bench:quick` fails CI on: only for figures that hold steadily on a busy CI machine with
   * few operations (statement counts exactly; throughput ratios with a wide margin).
   */
  ciGoal?: Goal;
}

const verdict = (goal: Goal | undefined) => (goal ? (goal.met ? 'pass' : 'FAIL') : '—');

/** The rows as a Markdown table, ready for the README. */
export function renderTable(rows: readonly FigureRow[], { withCiGate }: { withCiGate: boolean }): string {
  const header = ['figure', 'ours', 'baseline', 'ratio', 'goal', 'result', ...(withCiGate ? ['CI gate'] : [])];
  const lines = rows.map((row) => [
    row.figure,
    row.ours,
    row.baseline,
    row.ratio === null ? '—' : row.ratio.toFixed(2),
    row.goal?.text ?? 'reported',
    verdict(row.goal),
    ...(withCiGate ? [row.ciGoal ? `${row.ciGoal.text}: ${verdict(row.ciGoal)}` : '—'] : []),
  ]);
  const table = [header, header.map(() => '---'), ...lines];
  return table.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export const formatNumber = (value: number, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
