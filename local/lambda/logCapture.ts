/**
 * Routes what a handler writes to stdout/stderr (console.log, Powertools' JSON logs, EMF
 * metric lines) to the invocation that wrote it, as Lambda sends each sandbox's output to its
 * own log stream. The current invocation is found through AsyncLocalStorage, so concurrent
 * invocations never mix their lines; writes made outside any invocation pass through.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** Where a line came from: the function's stdout or stderr, or Lambda's own START/END/REPORT. */
export type LogStream = 'stdout' | 'stderr' | 'platform';

/** One captured log line, without its trailing newline. */
export interface LogLine {
  readonly stream: LogStream;
  readonly text: string;
  readonly time: Date;
}

/** A line longer than this is cut (CloudWatch Logs cuts events at 256 KB too). */
const MAX_LINE_CHARS = 256 * 1024;
/** An invocation keeps at most this many characters of logs; the rest are counted, not kept. */
const MAX_CHARS_PER_INVOCATION = 4 * 1024 * 1024;

/** One invocation's log lines, assembled from the chunks its code writes. */
export class InvocationLog {
  private readonly lines: LogLine[] = [];
  private readonly partial: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };
  private keptChars = 0;
  private closed = false;
  /** Lines not kept because the invocation was over its log budget. */
  public droppedLines = 0;

  public constructor(
    private readonly now: () => number,
    private readonly onLine: (line: LogLine) => void,
  ) {}

  /** Takes a chunk written to one stream; complete lines are recorded at once. */
  public write(stream: 'stdout' | 'stderr', chunk: string): void {
    // A timed-out sandbox is frozen by Lambda: whatever its code writes later is never seen.
    if (this.closed) return;
    // The usual write is one whole line (console.log, Powertools): record it without splitting.
    if (chunk.length > 0 && this.partial[stream] === '' && chunk.indexOf('\n') === chunk.length - 1) {
      this.record(stream, chunk.slice(0, -1));
      return;
    }
    const pieces = (this.partial[stream] + chunk).split('\n');
    this.partial[stream] = pieces.pop() ?? '';
    for (const piece of pieces) this.record(stream, piece);
    if (this.partial[stream].length > MAX_LINE_CHARS) {
      this.record(stream, this.partial[stream]);
      this.partial[stream] = '';
    }
  }

  /** Records a line of Lambda's own (START, END, REPORT). */
  public platform(text: string): void {
    if (!this.closed) this.record('platform', text);
  }

  /** Flushes unterminated lines and stops recording. */
  public close(): void {
    if (this.closed) return;
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.partial[stream] !== '') this.record(stream, this.partial[stream]);
      this.partial[stream] = '';
    }
    this.closed = true;
  }

  /** The lines recorded so far. */
  public get recorded(): readonly LogLine[] {
    return this.lines;
  }

  private record(stream: LogStream, rawText: string): void {
    const text = rawText.length > MAX_LINE_CHARS ? rawText.slice(0, MAX_LINE_CHARS) : rawText;
    if (this.keptChars + text.length > MAX_CHARS_PER_INVOCATION) {
      this.droppedLines += 1;
      return;
    }
    this.keptChars += text.length;
    const line: LogLine = { stream, text, time: new Date(this.now()) };
    this.lines.push(line);
    try {
      this.onLine(line);
    } catch {
      // A failing log listener must not fail the function that logged.
    }
  }
}

const currentInvocation = new AsyncLocalStorage<InvocationLog>();
let installed = false;

/** Runs `fn` with everything it writes to stdout/stderr (synchronously or later) sent to `log`. */
export function runCapturingLogs<T>(log: InvocationLog, fn: () => T): T {
  installInterceptors();
  return currentInvocation.run(log, fn);
}

type WriteCallback = (error?: Error | null) => void;

function installInterceptors(): void {
  if (installed) return;
  installed = true;
  intercept(process.stdout, 'stdout');
  intercept(process.stderr, 'stderr');
}

function intercept(target: NodeJS.WriteStream, stream: 'stdout' | 'stderr'): void {
  const original = target.write;
  const write = function (this: NodeJS.WriteStream, chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
    const log = currentInvocation.getStore();
    if (log === undefined) {
      // eslint-disable-next-line prefer-rest-params -- pass the caller's arguments through untouched
      return Reflect.apply(original, this, arguments) as boolean;
    }
    log.write(stream, chunkToString(chunk, encoding));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done as WriteCallback);
    return true;
  };
  target.write = write as NodeJS.WriteStream['write'];
}

function chunkToString(chunk: unknown, encoding: unknown): string {
  if (typeof chunk === 'string') return chunk;
  if (chunk instanceof Uint8Array) {
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString(
      typeof encoding === 'string' && Buffer.isEncoding(encoding) ? encoding : 'utf8',
    );
  }
  return String(chunk);
}
