/**
 * Serves `process.env` from a plain object in the long-running server. Node answers each
 * `process.env.X` read with a getenv call under a lock, and Powertools reads several variables
 * on every log line and metric (`AWS_LAMBDA_MAX_CONCURRENCY`, `TZ`, `_X_AMZN_TRACE_ID`,
 * `POWERTOOLS_DEV`…), which made those reads a visible share of the server's CPU per order.
 * The server never changes its own environment after start, so a snapshot reads the same values.
 */

/**
 * Replaces `process.env` with a plain-object copy of it. Reads and writes in JavaScript then
 * go to the copy; child processes and workers started without an explicit `env` still get it
 * (Node passes `process.env` to them). Native code (e.g. libc's `TZ`) keeps the environment
 * as it was at the call. Call once, at the start of a server process only.
 */
export function snapshotEnvironment(): void {
  const copy: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined) copy[name] = value;
  }
  process.env = copy;
}
