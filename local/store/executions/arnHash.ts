/**
 * A 47-bit hash of an execution ARN, the key of the executions' lookup index (stored: never
 * change it). An index of ARNs themselves (~90 bytes an entry, inserted at random places) made
 * every new execution split and write pages of a large index; this one is small and mostly
 * cached. Equal hashes are told apart by comparing the ARN. 47 bits fit SQLite's 6-byte integer.
 */
export function arnHash(arn: string): number {
  let a = 0x811c9dc5; // FNV-1a
  let b = 0x9747b28c; // a second multiplicative hash, for 15 more bits
  for (let i = 0; i < arn.length; i++) {
    const c = arn.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 0x8000 + (b & 0x7fff);
}
