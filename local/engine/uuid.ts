import { randomFillSync } from 'node:crypto';

/** Random bytes drawn ahead, as crypto.randomUUID does: enough for 256 UUIDs. */
const pool = Buffer.allocUnsafe(16 * 256);
let used = pool.length;
const HEX = Buffer.from('0123456789abcdef', 'latin1');
const text = Buffer.allocUnsafe(36);

/**
 * A random (version 4) UUID, as crypto.randomUUID makes it, written into one string: randomUUID
 * joins it from twenty pieces, which costs an execution more than half a kilobyte of garbage.
 */
export function randomUuid(): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const at = used;
  used += 16;
  let t = 0;
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) text[t++] = 0x2d; // '-'
    let byte = pool[at + i];
    if (i === 6) byte = (byte & 0x0f) | 0x40; // version 4
    else if (i === 8) byte = (byte & 0x3f) | 0x80; // RFC 4122 variant
    text[t++] = HEX[byte >> 4];
    text[t++] = HEX[byte & 0x0f];
  }
  return text.toString('latin1', 0, 36);
}
