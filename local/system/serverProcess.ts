/**
 * Runs `local/cli.ts start` as a child process (for the durability test, the CLI tests and the
 * end-to-end benchmark): waits for its banner, reads the URL and the API key from it, and can
 * stop it with a signal or kill it with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The CLI's entry file. */
export const CLI_ENTRY = path.resolve(__dirname, '../cli.ts');

/** A started local mode in a child process. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly apiKey: string;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) when it ends. */
  readonly exited: Promise<number | string>;
  /** Sends `signal` and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/** Options of {@link spawnServer}. */
export interface SpawnServerOptions {
  readonly dataDir: string;
  /** Extra `start` arguments. */
  readonly args?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** Extra node options, e.g. `--cpu-prof`. */
  readonly nodeOptions?: readonly string[];
  /** @default 30000 */
  readonly readyTimeoutMs?: number;
}

/** Starts `node --import tsx local/cli.ts start --port 0 --data-dir <dir>` and waits until it listens. */
export async function spawnServer(options: SpawnServerOptions): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [...(options.nodeOptions ?? []), '--import', 'tsx', CLI_ENTRY, 'start', '--port', '0', '--data-dir', options.dataDir, ...(options.args ?? [])],
    { cwd: path.resolve(__dirname, '../..'), env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let text = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));

  const ready = await new Promise<{ url: string; apiKey: string }>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`local mode did not start within ${options.readyTimeoutMs ?? 30_000} ms:\n${text}`)), options.readyTimeoutMs ?? 30_000);
    const check = (): void => {
      const url = /Order API:\s+(http:\/\/[^\s/]+)\/orders/.exec(text)?.[1];
      const apiKey = /API key:\s+(\S+)/.exec(text)?.[1];
      if (url !== undefined && apiKey !== undefined && text.includes('Press Ctrl-C')) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolve({ url, apiKey });
      }
    };
    const fail = (error: Error): void => {
      child.kill('SIGKILL');
      reject(error);
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`local mode exited (${code}) before listening:\n${text}`));
    });
  });

  return {
    child,
    ...ready,
    output: () => text,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGINT') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
