/**
 * The bare baseline of the worst-case minutes, as a process of its own so its peak memory is its own: pdfkit alone
 * laying out the worst-case items' texts as one PDF, each word given a break opportunity every 40 characters (the
 * least any renderer must do: pdfkit given the unbroken words measures what is left of a word after every line).
 * Prints one JSON line: seconds and peak memory (VmHWM, MiB).
 */
import { readFile } from 'node:fs/promises';
import { WORST_MINUTES_ITEMS, worstMinutesItem } from '../support/worst-minutes-workload.js';
import { renderBareMinutesPdf } from './bare-minutes-pdf.js';

const breakable = (text: string) => text.replace(/\S{40}(?=\S)/g, '$&\u200B');
const item = worstMinutesItem();
const items = Array.from({ length: WORST_MINUTES_ITEMS }, () => ({
  heading: breakable(item.title),
  paragraphs: [item.caseNumber, item.summary, item.recommendation, item.presentation, item.decision, ...item.attachmentNames].map(breakable),
}));
const started = performance.now();
await renderBareMinutesPdf(items);
const seconds = (performance.now() - started) / 1000;
const kib = Number(/^VmHWM:\s+(\d+) kB/m.exec(await readFile('/proc/self/status', 'utf8'))?.[1]);
console.log(JSON.stringify({ seconds, peakMiB: kib / 1024 }));
