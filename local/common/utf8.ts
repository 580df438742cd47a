/**
 * Whether a text is longer than `limit` UTF-8 bytes (AWS's payload limits count UTF-8 bytes). A
 * UTF-16 unit is at most 3 UTF-8 bytes, so a text that short is decided without encoding it.
 */
export function textExceedsBytes(text: string, limit: number): boolean {
  return text.length * 3 > limit && Buffer.byteLength(text, 'utf8') > limit;
}
