/**
 * How a client command finds the server: `--url` and `--api-key`, else `ORDERS_API_URL` and
 * `ORDERS_API_KEY`, else what the server left in its data directory.
 */
import { API_KEY_ENV, dataDirLayout, readServerInfo, readStoredApiKey } from '../dataDir';

/** The environment variable a client reads the server's URL from. */
export const API_URL_ENV = 'ORDERS_API_URL';

/** No server address or key could be found. */
export class NoServerError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'NoServerError';
  }
}

/** Where the server is and the key to use. */
export interface Connection {
  readonly url: string;
  readonly apiKey: string;
}

/** Resolves the connection; throws {@link NoServerError} with what to do when it cannot. */
export function resolveConnection(options: { url?: string; apiKey?: string; dataDir: string }, env: NodeJS.ProcessEnv = process.env): Connection {
  const layout = dataDirLayout(options.dataDir);
  const url = options.url ?? nonEmpty(env[API_URL_ENV]) ?? readServerInfo(layout)?.url;
  if (url === undefined) {
    throw new NoServerError(`no running server recorded in ${layout.root}: start one with 'npm start', or pass --url (and --api-key)`);
  }
  const apiKey = options.apiKey ?? nonEmpty(env[API_KEY_ENV]) ?? readStoredApiKey(layout);
  if (apiKey === undefined) {
    throw new NoServerError(`no API key: pass --api-key, set ${API_KEY_ENV}, or use the data directory the server was started with`);
  }
  return { url: url.replace(/\/+$/, ''), apiKey };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
