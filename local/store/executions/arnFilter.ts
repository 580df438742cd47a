/**
 * A set of ARN hashes (see arnHash) that answers "certainly absent" or "maybe present": a
 * scalable Bloom filter, so that a new execution's ARN, which is almost always absent, is
 * checked without a query. Layers double in capacity as entries come, so it never needs the
 * entries again; false positives (at most ~0.1 %) only cost the query they would have cost anyway.
 */
export class ArnFilter {
  private readonly layers: Layer[] = [];
  private entries = 0;
  private capacity = 0;

  public add(hash: number): void {
    if (this.entries >= this.capacity) {
      // 16 bits an entry and 6 probes: ~0.1 % false positives when full.
      const layer: Layer = { bits: new Uint32Array(Math.max(FIRST_LAYER, this.capacity) / 2), mask: Math.max(FIRST_LAYER, this.capacity) * 16 - 1 };
      this.layers.push(layer);
      this.capacity += Math.max(FIRST_LAYER, this.capacity);
    }
    this.entries++;
    const layer = this.layers[this.layers.length - 1];
    const [a, step] = probes(hash);
    for (let i = 0, at = a; i < PROBES; i++, at += step) layer.bits[(at & layer.mask) >>> 5] |= 1 << (at & 31);
  }

  /** False when the hash was certainly never added. */
  public mayContain(hash: number): boolean {
    const [a, step] = probes(hash);
    for (const layer of this.layers) {
      let hits = 0;
      for (let at = a; hits < PROBES && (layer.bits[(at & layer.mask) >>> 5] & (1 << (at & 31))) !== 0; at += step) hits++;
      if (hits === PROBES) return true;
    }
    return false;
  }
}

interface Layer {
  bits: Uint32Array;
  mask: number;
}

const FIRST_LAYER = 1 << 14;
const PROBES = 6;

/** Where a hash's probes start and their stride (odd, so they differ), from its two parts. */
function probes(hash: number): [number, number] {
  const high = Math.floor(hash / 0x8000) >>> 0; // arnHash's FNV-1a part
  const low = hash & 0x7fff; // its second hash
  return [high, Math.imul(high ^ (low << 15) ^ low, 0x9e3779b1) | 1];
}
