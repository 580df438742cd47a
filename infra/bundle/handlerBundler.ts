/**
 * Builds each task function's Lambda deployment package: one esbuild bundle per handler
 * entry, written to its own directory so it can be zipped as a `FileArchive`.
 */
import * as esbuild from 'esbuild';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { LAMBDA_BUNDLE_OPTIONS } from '../../handlers/bundleOptions';
import type { TaskFunctionName } from '../../workflow/contracts';
import { HandlerBundleError } from '../errors';

/** Where a task function's handler lives in the source tree. */
export interface HandlerEntry {
  /** The entry file, relative to the project root (e.g. `handlers/validation/handler.ts`). */
  readonly entry: string;
  /** The exported handler function's name. @default 'handler' */
  readonly exportName?: string;
}

/** A built deployment package. */
export interface HandlerBundle {
  /** The directory holding `index.js`, to be zipped as the function's code. */
  readonly dir: string;
  /** The Lambda `handler` setting, e.g. `index.handler`. */
  readonly handler: string;
  /** The bundle's size in bytes. */
  readonly bytes: number;
}

/** Produces a task function's deployment package. Injectable so tests can choose. */
export type HandlerBundler = (fn: TaskFunctionName) => HandlerBundle;

/** Where the esbuild bundler reads from and writes to. */
export interface EsbuildBundlerOptions {
  /** The project root the entries are relative to. */
  readonly projectRoot: string;
  /** Each function's bundle goes to `<outDir>/<function>/index.js`. */
  readonly outDir: string;
  readonly entries: { readonly [N in TaskFunctionName]: HandlerEntry };
}

/**
 * A bundler that runs esbuild's API (synchronously: a component's constructor cannot
 * await) once per function and remembers the result.
 *
 * Bundles use LAMBDA_BUNDLE_OPTIONS: CommonJS for Node 22, minified, every dependency inlined
 * except AWS SDK v3, which the nodejs22.x runtime provides.
 */
export const esbuildBundler = (options: EsbuildBundlerOptions): HandlerBundler => {
  const built = new Map<TaskFunctionName, HandlerBundle>();
  return (fn) => {
    const cached = built.get(fn);
    if (cached !== undefined) return cached;
    const { entry, exportName = 'handler' } = options.entries[fn];
    const dir = path.join(options.outDir, fn);
    const outfile = path.join(dir, 'index.js');
    try {
      esbuild.buildSync({
        entryPoints: [path.resolve(options.projectRoot, entry)],
        outfile,
        ...LAMBDA_BUNDLE_OPTIONS,
      });
    } catch (error) {
      throw new HandlerBundleError(`cannot bundle ${fn} from ${entry}`, { cause: error });
    }
    const bundle: HandlerBundle = { dir, handler: `index.${exportName}`, bytes: statSync(outfile).size };
    built.set(fn, bundle);
    return bundle;
  };
};
