/**
 * `npm run bench`: runs every benchmark module in bench/ (each default-exports
 * `run(): Promise<Record<string, number>>`), merges their figures into bench-results.json at
 * the repo's root, and prints them as a table. `npm run bench -- engine` runs only bench/engine.ts.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

type BenchModule = { default: () => Promise<Record<string, number>> };

const root = path.resolve(__dirname, '..');
const resultsFile = path.join(root, 'bench-results.json');

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const names = readdirSync(__dirname)
    .filter((file) => file.endsWith('.ts') && file !== 'run.ts' && !file.startsWith('_'))
    .map((file) => file.replace(/\.ts$/, ''))
    .filter((name) => only.length === 0 || only.includes(name))
    .sort();
  // Keep figures from benchmarks not run this time, so a partial run does not erase them.
  const results: Record<string, number> = existsSync(resultsFile)
    ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, number>)
    : {};
  for (const name of names) {
    process.stdout.write(`bench ${name} …\n`);
    const mod = (await import(path.join(__dirname, `${name}.ts`))) as BenchModule;
    Object.assign(results, await mod.default());
  }
  writeFileSync(resultsFile, JSON.stringify(sortKeys(results), null, 2) + '\n');
  printTable(sortKeys(results));
}

function sortKeys(figures: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).sort(([a], [b]) => a.localeCompare(b)));
}

function printTable(figures: Record<string, number>): void {
  const width = Math.max(...Object.keys(figures).map((key) => key.length));
  for (const [key, value] of Object.entries(figures)) {
    const shown = Number.isInteger(value) ? String(value) : value.toFixed(2);
    process.stdout.write(`${key.padEnd(width)}  ${shown.padStart(12)}\n`);
  }
  process.stdout.write(`written to ${path.relative(process.cwd(), resultsFile) || resultsFile}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
