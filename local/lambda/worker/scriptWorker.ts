/**
 * Starts a worker thread on a module of this project, TypeScript or compiled. A worker does not
 * inherit the main thread's module hooks, so under tsx (`tsx …`, `node --import tsx`, mocha's
 * `import=tsx`) a `.ts` entry is loaded through tsx's CommonJS register, set up by a small
 * plain-JavaScript bootstrap.
 */
import { Worker } from 'node:worker_threads';

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.bootstrap.tsLoader !== undefined) require(workerData.bootstrap.tsLoader).register();
require(workerData.bootstrap.entry);
`;

/** Starts `entry` (an absolute path) on a new thread with `workerData` (plus a `bootstrap` field). */
export function startScriptWorker(entry: string, workerData: object): Worker {
  const tsLoader = entry.endsWith('.ts') ? require.resolve('tsx/cjs/api') : undefined;
  return new Worker(BOOTSTRAP, { eval: true, workerData: { ...workerData, bootstrap: { entry, tsLoader } } });
}
