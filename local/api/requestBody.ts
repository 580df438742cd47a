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
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (reading: BodyReading): void => {
      request.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onError);
      resolve(reading);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        request.pause();
        finish({ ok: false, reason: 'tooLarge' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => finish({ ok: true, body: Buffer.concat(chunks, size) });
    const onError = (): void => finish({ ok: false, reason: 'aborted' });
    request.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onError);
  });
}

/** Parses a body as JSON; `undefined` when it is not UTF-8 or not JSON. */
export function parseJsonBody(body: Buffer): { readonly value: unknown } | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return undefined;
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}
