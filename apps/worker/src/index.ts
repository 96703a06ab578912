/** The worker application's public face, for what composes it: the all-in-one process and the test kit. */
export { WorkerModule } from './worker.module.js';
