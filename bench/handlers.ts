/**
 * Bundle size and module-init time of each Lambda handler.
 *
 * Each handler is bundled with esbuild into one CommonJS file (minified, Node 22), with
 * `@aws-sdk/*` left external: the Lambda nodejs22.x runtime provides AWS SDK v3, and the
 * handlers load their AWS adapters (hence the SDK) on first invocation, not at init.
 *
 * - `handlers.<name>.bundleBytes`: the bundle's size.
 * - `handlers.<name>.bundleBytesSdkIncluded`: the size with the AWS SDK bundled too (for a
 *   deployment that does not rely on the runtime's SDK).
 * - `handlers.<name>.initMs`: median wall time of a fresh `node` process that requires the
 *   bundle (process start included, so compare with `node.bareInitMs`).
 * - `handlers.<name>.initWithAwsSdkMs`: the same, also loading the AWS SDK clients that the
 *   first invocation loads (DynamoDB, its document client, SNS); the honest cold start.
 * - `node.bareInitMs`: median wall time of `node -e ''`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { LAMBDA_BUNDLE_OPTIONS } from '../handlers/bundleOptions';
import { TASK_FUNCTIONS } from '../handlers/index';
import { TASK_FUNCTION_NAMES } from '../workflow/contracts';

/** Runs per measurement; the median is reported. */
const ROUNDS = 9;
const PROJECT_ROOT = join(__dirname, '..');
/** The SDK modules the AWS wiring (handlers/aws/environment.ts) loads. */
const AWS_SDK_MODULES = ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@aws-sdk/client-sns'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Wall time, in ms, of `node -e <script>` in a fresh process; throws if it fails. */
function timeNode(script: string): number {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-e', script], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_PATH: join(PROJECT_ROOT, 'node_modules'), NODE_OPTIONS: '' },
    encoding: 'utf8',
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`node -e ${JSON.stringify(script)} failed: ${child.stderr}`);
  return elapsed;
}

/** Bundles one handler entry into `outfile`. */
async function bundle(entry: string, outfile: string, sdkExternal = true): Promise<void> {
  await build({
    entryPoints: [join(PROJECT_ROOT, entry)],
    outfile,
    ...LAMBDA_BUNDLE_OPTIONS,
    external: sdkExternal ? LAMBDA_BUNDLE_OPTIONS.external : [],
  });
}

/** Measures every handler; see the module comment for the keys. */
export default async function run(): Promise<Record<string, number>> {
  const outdir = mkdtempSync(join(tmpdir(), 'handler-bundles-'));
  try {
    const bundles = new Map<string, string>();
    const results: Record<string, number> = {};
    for (const name of TASK_FUNCTION_NAMES) {
      const outfile = join(outdir, `${name}.js`);
      await bundle(TASK_FUNCTIONS[name].entry, outfile);
      bundles.set(name, outfile);
      results[`handlers.${name}.bundleBytes`] = statSync(outfile).size;
      const withSdk = join(outdir, `${name}.sdk.js`);
      await bundle(TASK_FUNCTIONS[name].entry, withSdk, false);
      results[`handlers.${name}.bundleBytesSdkIncluded`] = statSync(withSdk).size;
    }

    // Interleave the measurements round by round, so that load on the machine affects all alike.
    const samples = new Map<string, number[]>();
    const sample = (key: string, ms: number) => samples.set(key, [...(samples.get(key) ?? []), ms]);
    for (let round = 0; round < ROUNDS; round++) {
      sample('node.bareInitMs', timeNode(''));
      for (const [name, file] of bundles) {
        sample(`handlers.${name}.initMs`, timeNode(`require(${JSON.stringify(file)})`));
        if (name !== 'validateOrder') {
          const sdk = AWS_SDK_MODULES.map(module => `require(${JSON.stringify(module)});`).join('');
          sample(`handlers.${name}.initWithAwsSdkMs`, timeNode(`require(${JSON.stringify(file)});${sdk}`));
        }
      }
    }
    for (const [key, values] of samples) results[key] = Math.round(median(values) * 10) / 10;
    return results;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
