import type { IsoDate } from './dates.js';
import { quarterLabel, quarterSpanLabel } from './danish-dates/index.js';
import { type Quarter, quarterEnd, quarterOf, quarterStart, quartersBetween } from './quarters.js';
import type { PhaseState } from './workflow/phase.workflow.js';

export interface ProcessPlanPhase {
  title: string;
  fromQuarter: Quarter;
  toQuarter: Quarter;
  state: PhaseState;
}

export interface ProcessPlanDrawing {
  committeeName: string;
  phases: readonly ProcessPlanPhase[];
  today: IsoDate;
  /** Quarters the timeline shows at least, e.g. the committee's mandate; it widens to take in every phase. */
  span?: { fromQuarter: Quarter; toQuarter: Quarter } | null;
}

/** The state names users read on the plan. */
export const PHASE_STATE_LABELS: Record<PhaseState, string> = {
  planned: 'planlagt',
  active: 'aktiv',
  completed: 'afsluttet',
  cancelled: 'aflyst',
};

interface StateStyle {
  fill: string;
  stroke: string;
  text: string;
  dashed: boolean;
}

// A cancelled phase stays on the plan so the change can be seen, but pale and dashed so it does not read as work.
const STATE_STYLES: Record<PhaseState, StateStyle> = {
  planned: { fill: '#d0ebff', stroke: '#1c7ed6', text: '#0b4a85', dashed: false },
  active: { fill: '#2b8a3e', stroke: '#1e6b2f', text: '#ffffff', dashed: false },
  completed: { fill: '#495057', stroke: '#343a40', text: '#ffffff', dashed: false },
  cancelled: { fill: '#f1f3f5', stroke: '#adb5bd', text: '#6c757d', dashed: true },
};

const LAYOUT = {
  margin: 24,
  quarterWidth: 112,
  headingTop: 30,
  quarterRowHeight: 28,
  titleFontSize: 13,
  titleLineHeight: 17,
  maxTitleLines: 3,
  barHeight: 22,
  rowGap: 14,
  labelFontSize: 12,
  legendHeight: 48,
};

const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const TODAY_COLOUR = '#d6336c';
const DAY_MS = 86_400_000;

// No text measuring without a renderer; an average glyph is a little over half the font size wide in a sans-serif.
const textWidth = (text: string, fontSize: number) => Array.from(text).length * fontSize * 0.6;

/** The Char production of XML 1.0: anything else is forbidden outright, escaped or not (a title pasted from a word processor may carry it). */
function isXmlCharacter(character: string): boolean {
  const code = character.codePointAt(0)!;
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe inside an XML element or attribute value. */
export function escapeXml(text: string): string {
  return Array.from(text).filter(isXmlCharacter).join('').replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Greedy word wrap into at most `maxLines` lines of `maxChars`; what does not fit ends in an ellipsis. */
function wrap(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  const words = text.split(/\s+/).filter(Boolean).flatMap((word) => {
    const chars = Array.from(word);
    const pieces: string[] = [];
    for (let i = 0; i < chars.length; i += maxChars) pieces.push(chars.slice(i, i + maxChars).join(''));
    return pieces;
  });
  const length = (parts: string[]) => Array.from(parts.join(' ')).length;
  for (const word of words) {
    if (line.length > 0 && length([...line, word]) > maxChars) {
      lines.push(line.join(' '));
      line = [];
    }
    line.push(word);
  }
  if (line.length > 0) lines.push(line.join(' '));
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = Array.from(kept[maxLines - 1]);
  kept[maxLines - 1] = `${last.slice(0, Math.max(0, maxChars - 1)).join('').trimEnd()}…`;
  return kept;
}

function shownQuarters(drawing: ProcessPlanDrawing): Quarter[] {
  const starts = [...drawing.phases.map((p) => p.fromQuarter), ...(drawing.span ? [drawing.span.fromQuarter] : [])];
  const ends = [...drawing.phases.map((p) => p.toQuarter), ...(drawing.span ? [drawing.span.toQuarter] : [])];
  if (starts.length === 0) return [quarterOf(drawing.today)];
  // Quarters written `YYYY-Qn` sort as text in time order.
  const first = starts.reduce((a, b) => (b < a ? b : a));
  const last = ends.reduce((a, b) => (b > a ? b : a));
  return quartersBetween(first, last);
}

/** Where in its quarter a day falls, from 0 (its first morning) to 1 (its last evening); the line sits at midday. */
function fractionOfQuarter(day: IsoDate): number {
  const quarter = quarterOf(day);
  const start = Date.parse(quarterStart(quarter));
  const days = (Date.parse(quarterEnd(quarter)) - start) / DAY_MS + 1;
  return ((Date.parse(day) - start) / DAY_MS + 0.5) / days;
}

/**
 * The committee's process plan as an SVG document: a quarter timeline with a bar per phase in the colour of its
 * state, the phase's title above its bar, and a line for today when today is on the timeline. Hand-written XML,
 * so it renders the same in a browser, an e-mail or a printed agenda.
 */
export function renderProcessPlanSvg(drawing: ProcessPlanDrawing): string {
  const L = LAYOUT;
  const quarters = shownQuarters(drawing);
  const columnOf = new Map(quarters.map((q, i) => [q, i]));
  const chartLeft = L.margin;
  const chartWidth = quarters.length * L.quarterWidth;
  const chartRight = chartLeft + chartWidth;
  const width = chartRight + L.margin;
  const titleCharWidth = textWidth('x', L.titleFontSize);
  const maxTitleChars = Math.max(8, Math.floor(chartWidth / titleCharWidth));

  const headingLines = wrap(drawing.committeeName, Math.max(8, Math.floor(chartWidth / textWidth('x', 20))), 2);
  const headingBottom = L.headingTop + 22 + headingLines.length * 24;
  const quarterRowTop = headingBottom + 8;
  const rowsTop = quarterRowTop + L.quarterRowHeight + L.rowGap;

  const phases = [...drawing.phases].sort((a, b) => a.fromQuarter.localeCompare(b.fromQuarter) || a.toQuarter.localeCompare(b.toQuarter));
  const rows: string[] = [];
  let y = rowsTop;
  for (const phase of phases) {
    const style = STATE_STYLES[phase.state];
    const stateLabel = PHASE_STATE_LABELS[phase.state];
    const range = quarterSpanLabel(phase.fromQuarter, phase.toQuarter);
    const barX = chartLeft + columnOf.get(phase.fromQuarter)! * L.quarterWidth + 2;
    const barWidth = (columnOf.get(phase.toQuarter)! - columnOf.get(phase.fromQuarter)! + 1) * L.quarterWidth - 4;
    const titleLines = wrap(phase.title, maxTitleChars, L.maxTitleLines);
    const titleWidth = Math.max(...titleLines.map((line) => textWidth(line, L.titleFontSize)));
    // The title starts over its bar and moves left only as far as it must to stay on the drawing.
    const titleX = Math.max(chartLeft, Math.min(barX, chartRight - titleWidth));
    const barY = y + titleLines.length * L.titleLineHeight + 4;
    const withRange = `${stateLabel} · ${range}`;
    const barLabel = textWidth(withRange, L.labelFontSize) + 16 <= barWidth ? withRange : stateLabel;
    rows.push(
      `  <g class="phase phase-${phase.state}">`,
      `    <title>${escapeXml(`${phase.title} (${range}, ${stateLabel})`)}</title>`,
      `    <text x="${round(titleX)}" y="${round(y + L.titleFontSize)}" font-size="${L.titleFontSize}" font-weight="600" fill="${phase.state === 'cancelled' ? style.text : '#212529'}">` +
        titleLines.map((line, i) => `<tspan x="${round(titleX)}" dy="${i === 0 ? 0 : L.titleLineHeight}">${escapeXml(line)}</tspan>`).join('') +
        `</text>`,
      `    <rect x="${round(barX)}" y="${round(barY)}" width="${round(barWidth)}" height="${L.barHeight}" rx="4" fill="${style.fill}" stroke="${style.stroke}"${style.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
      `    <text x="${round(barX + 8)}" y="${round(barY + L.barHeight / 2 + 4)}" font-size="${L.labelFontSize}" fill="${style.text}">${escapeXml(barLabel)}</text>`,
      `  </g>`,
    );
    y = barY + L.barHeight + L.rowGap;
  }
  if (phases.length === 0) {
    rows.push(`  <text x="${chartLeft + 8}" y="${y + 16}" font-size="${L.titleFontSize}" fill="#6c757d">Ingen faser i planen endnu</text>`);
    y += 16 + L.rowGap * 2;
  }
  const chartBottom = y;

  const grid: string[] = [];
  quarters.forEach((quarter, i) => {
    const x = chartLeft + i * L.quarterWidth;
    if (i % 2 === 1) grid.push(`  <rect x="${x}" y="${quarterRowTop}" width="${L.quarterWidth}" height="${chartBottom - quarterRowTop}" fill="#f8f9fa"/>`);
    grid.push(`  <text x="${x + L.quarterWidth / 2}" y="${quarterRowTop + 18}" font-size="12" font-weight="600" text-anchor="middle" fill="#495057">${quarterLabel(quarter)}</text>`);
    // A year begins where a first quarter does; its line is stronger so the years stand apart.
    const yearStarts = quarter.endsWith('Q1') && i > 0;
    grid.push(`  <line x1="${x}" y1="${quarterRowTop}" x2="${x}" y2="${chartBottom}" stroke="${yearStarts ? '#868e96' : '#dee2e6'}" stroke-width="${yearStarts ? 1.5 : 1}"/>`);
  });
  grid.push(
    `  <line x1="${chartRight}" y1="${quarterRowTop}" x2="${chartRight}" y2="${chartBottom}" stroke="#dee2e6"/>`,
    `  <line x1="${chartLeft}" y1="${quarterRowTop + L.quarterRowHeight}" x2="${chartRight}" y2="${quarterRowTop + L.quarterRowHeight}" stroke="#adb5bd"/>`,
  );

  const todayColumn = columnOf.get(quarterOf(drawing.today));
  const todayMark: string[] = [];
  let legendTop = chartBottom + 12;
  if (todayColumn !== undefined) {
    const x = round(chartLeft + (todayColumn + fractionOfQuarter(drawing.today)) * L.quarterWidth);
    todayMark.push(
      `  <g class="today">`,
      `    <title>${escapeXml(`i dag, ${drawing.today}`)}</title>`,
      // Below the quarter labels, so the line never crosses one.
      `    <line x1="${x}" y1="${quarterRowTop + L.quarterRowHeight}" x2="${x}" y2="${chartBottom}" stroke="${TODAY_COLOUR}" stroke-width="2"/>`,
      `    <text x="${x}" y="${chartBottom + 16}" font-size="12" font-weight="600" text-anchor="middle" fill="${TODAY_COLOUR}">i dag</text>`,
      `  </g>`,
    );
    legendTop += 20;
  }

  const legend: string[] = [];
  let legendX = chartLeft;
  for (const state of Object.keys(PHASE_STATE_LABELS) as PhaseState[]) {
    const style = STATE_STYLES[state];
    legend.push(
      `  <rect x="${legendX}" y="${legendTop + 8}" width="16" height="12" rx="2" fill="${style.fill}" stroke="${style.stroke}"${style.dashed ? ' stroke-dasharray="3 2"' : ''}/>`,
      `  <text x="${legendX + 22}" y="${legendTop + 18}" font-size="12" fill="#495057">${PHASE_STATE_LABELS[state]}</text>`,
    );
    legendX += 22 + textWidth(PHASE_STATE_LABELS[state], 12) + 20;
  }
  const height = legendTop + L.legendHeight - 12;

  const heading = `Procesplan – ${drawing.committeeName}`;
  const description = phases.length
    ? phases.map((p) => `${quarterSpanLabel(p.fromQuarter, p.toQuarter)}: ${p.title} (${PHASE_STATE_LABELS[p.state]})`).join('; ')
    : 'Ingen faser i planen endnu';
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${round(width)}" height="${round(height)}" viewBox="0 0 ${round(width)} ${round(height)}" role="img" aria-labelledby="plan-title plan-desc" font-family="${escapeXml(FONT_FAMILY)}">`,
    `  <title id="plan-title">${escapeXml(heading)}</title>`,
    `  <desc id="plan-desc">${escapeXml(description)}</desc>`,
    `  <rect width="100%" height="100%" fill="#ffffff"/>`,
    `  <text x="${chartLeft}" y="${L.headingTop}" font-size="13" font-weight="600" fill="#868e96">Procesplan</text>`,
    `  <text x="${chartLeft}" y="${L.headingTop + 26}" font-size="20" font-weight="700" fill="#212529">` +
      headingLines.map((line, i) => `<tspan x="${chartLeft}" dy="${i === 0 ? 0 : 24}">${escapeXml(line)}</tspan>`).join('') +
      `</text>`,
    ...grid,
    ...rows,
    ...todayMark,
    ...legend,
    `</svg>`,
    '',
  ].join('\n');
}
