import { setFlagsFromString } from 'node:v8';

/** The fixed growing factor the process was started with (a worker's, WORKER_NODE_FLAGS), if any. */
const FIXED_GROWTH = process.execArgv.find((flag) => flag.startsWith('--heap-growing-percent='));

let layoutsRunning = 0;

/**
 * Runs a document's layout with the heap growing by V8's own measure. A worker keeps its heap small under e-mail
 * load with a fixed growing factor of 1.25 (WORKER_NODE_FLAGS), its heap then mostly garbage; a layout keeps its
 * pages and its structure tree live to the end, some hundred megabytes for a referat of a thousand items, which at
 * that factor V8 collects whole again after every few megabytes laid out (18 full collections for such a referat
 * instead of 4). The factor is the process's: e-mails sent while a layout runs have V8's too.
 */
export async function withHeapGrowingFreely<T>(layout: () => Promise<T>): Promise<T> {
  if (!FIXED_GROWTH) return layout();
  // 0 is V8's default: no fixed factor.
  if (layoutsRunning++ === 0) setFlagsFromString('--heap-growing-percent=0');
  try {
    return await layout();
  } finally {
    if (--layoutsRunning === 0) setFlagsFromString(FIXED_GROWTH);
  }
}
