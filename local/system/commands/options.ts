/** Options shared by the CLI's commands, and their parsing (node:util parseArgs, strict). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_DATA_DIR } from '../dataDir';

/** A command line the CLI cannot run. */
export class UsageError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Options every command takes. */
export const COMMON_OPTIONS = {
  'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** Options of the commands that talk to a running server. */
export const CLIENT_OPTIONS = {
  ...COMMON_OPTIONS,
  url: { type: 'string' },
  'api-key': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** Parses `args` strictly; unknown options and bad values are {@link UsageError}s. */
export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** A positive number option, or `undefined` when absent. */
export function numberOption(value: string | undefined, name: string, { integer = false, min = 0 } = {}): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name} must be ${integer ? 'an integer' : 'a number'} of at least ${min}, got '${value}'`);
  }
  return n;
}

/** Writes a line to stdout. */
export function say(text = ''): void {
  process.stdout.write(`${text}\n`);
}
