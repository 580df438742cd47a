/**
 * Reads a request body up to a limit, never buffering more: a declared Content-Length over
 * the limit is refused before reading, and a body that grows past it stops being read.
 */
import type { IncomingMessage } from 'node:http';

/** A body read whole, or why it was not. */
export type BodyReading = { readonly ok: true; readonly body: Buffer } | { readonly ok: false; readonly reason: 'tooLarge' | 'aborted' };

/** Reads `request`'s body, at most `maxBytes` of it. */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<BodyReading> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve({ ok: false, reason: 'tooLarge' });
  return new Promise((resolve) => new BodyReader(request, maxBytes, resolve).start());
}

/** One body being read; its listeners are bound methods, so reading one allocates little. */
class BodyReader {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private readonly onData = this.data.bind(this);
  private readonly onEnd = this.end.bind(this);
  private readonly onError = this.error.bind(this);

  public constructor(
    private readonly request: IncomingMessage,
    private readonly maxBytes: number,
    private readonly resolve: (reading: BodyReading) => void,
  ) {}

  public start(): void {
    this.request.on('data', this.onData).on('end', this.onEnd).on('error', this.onError).on('aborted', this.onError);
  }

  private data(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      this.request.pause();
      this.finish({ ok: false, reason: 'tooLarge' });
      return;
    }
    this.chunks.push(chunk);
  }

  private end(): void {
    this.finish({ ok: true, body: Buffer.concat(this.chunks, this.size) });
  }

  private error(): void {
    this.finish({ ok: false, reason: 'aborted' });
  }

  private finish(reading: BodyReading): void {
    this.request.off('data', this.onData).off('end', this.onEnd).off('error', this.onError).off('aborted', this.onError);
    this.resolve(reading);
  }
}

/** One decoder for every body: a non-streaming decode starts afresh each time. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Parses a body as JSON; `undefined` when it is not UTF-8 or not JSON. */
export function parseJsonBody(body: Buffer): { readonly value: unknown } | undefined {
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    return undefined;
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}
