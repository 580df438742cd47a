/**
 * Local mode's state directory: the SQLite database, the generated API key and the running
 * server's address, so that client commands find the server without options.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/Either';

/** The default state directory, relative to the working directory. */
export const DEFAULT_DATA_DIR = '.data';
/** The environment variable that sets the API key. */
export const API_KEY_ENV = 'ORDERS_API_KEY';

/** The files of a state directory. */
export interface DataDirLayout {
  readonly root: string;
  /** The engine's state machines, executions, history and checkpoints. */
  readonly executionsDatabase: string;
  /** The services' tables (stock, reservations, payments, notifications) and the Lambda invocation logs. */
  readonly servicesDatabase: string;
  /** The generated API key (mode 0600), when `ORDERS_API_KEY` is not set. */
  readonly apiKeyFile: string;
  /** The running server's URL and process id. */
  readonly serverFile: string;
}

/** The layout of `dir` (not created). */
export function dataDirLayout(dir: string): DataDirLayout {
  const root = path.resolve(dir);
  return {
    root,
    executionsDatabase: path.join(root, 'executions.db'),
    servicesDatabase: path.join(root, 'services.db'),
    apiKeyFile: path.join(root, 'api-key'),
    serverFile: path.join(root, 'server.json'),
  };
}

/** Creates the directory (owner-only) if needed; its layout. */
export function ensureDataDir(dir: string): DataDirLayout {
  const layout = dataDirLayout(dir);
  mkdirSync(layout.root, { recursive: true, mode: 0o700 });
  return layout;
}

/** Where an API key came from. */
export type ApiKeySource = 'environment' | 'generated' | 'data directory';

/**
 * The API key to serve: `ORDERS_API_KEY` when set, else the key kept in the data directory,
 * else a new random key, which is kept there (owner-readable only) for the next start.
 */
export function resolveServerApiKey(layout: DataDirLayout, env: NodeJS.ProcessEnv = process.env): { value: string; source: ApiKeySource } {
  const fromEnv = env[API_KEY_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return { value: fromEnv.trim(), source: 'environment' };
  const stored = readStoredApiKey(layout);
  if (stored !== undefined) return { value: stored, source: 'data directory' };
  const value = `local-${randomBytes(24).toString('base64url')}`;
  writeAtomically(layout.apiKeyFile, `${value}\n`, 0o600);
  return { value, source: 'generated' };
}

/** The key kept in the data directory, if any. */
export function readStoredApiKey(layout: DataDirLayout): string | undefined {
  if (!existsSync(layout.apiKeyFile)) return undefined;
  const value = readFileSync(layout.apiKeyFile, 'utf8').trim();
  return value === '' ? undefined : value;
}

/** What a running server leaves in its data directory. */
export const ServerInfo = t.type({ url: t.string, pid: t.number, startedAt: t.string });
export type ServerInfo = t.TypeOf<typeof ServerInfo>;

/** Records the running server. */
export function writeServerInfo(layout: DataDirLayout, info: ServerInfo): void {
  writeAtomically(layout.serverFile, `${JSON.stringify(info, null, 2)}\n`, 0o600);
}

/** The recorded server, if the file is there and well formed. */
export function readServerInfo(layout: DataDirLayout): ServerInfo | undefined {
  if (!existsSync(layout.serverFile)) return undefined;
  try {
    const decoded = ServerInfo.decode(JSON.parse(readFileSync(layout.serverFile, 'utf8')));
    return isLeft(decoded) ? undefined : decoded.right;
  } catch {
    return undefined;
  }
}

/** Removes the record of a server that stopped (only if it is this process's). */
export function clearServerInfo(layout: DataDirLayout, pid: number = process.pid): void {
  if (readServerInfo(layout)?.pid === pid) rmSync(layout.serverFile, { force: true });
}

function writeAtomically(file: string, text: string, mode: number): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode });
  chmodSync(temporary, mode);
  renameSync(temporary, file);
}
