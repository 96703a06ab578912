/** The worker application's public face, for what composes it: the all-in-one process and the test kit. */
export { WorkerModule } from './worker.module.js';
export { WORKER_NODE_FLAGS } from './node-flags.js';
