/**
 * Mocha root hooks of the hardening suite: once every test has run, prints the figures and
 * merges them into bench-results.json.
 */
import { BENCH_RESULTS_FILE, mergeFigures, recordedFigures } from './figures';

export const mochaHooks = {
  afterAll(): void {
    const figures = recordedFigures();
    if (figures.size === 0) return;
    mergeFigures(BENCH_RESULTS_FILE, figures);
    process.stdout.write('\n  Hardening figures (merged into bench-results.json):\n');
    for (const [name, value] of [...figures].sort(([a], [b]) => a.localeCompare(b))) process.stdout.write(`    ${name.padEnd(40)} ${value}\n`);
  },
};
