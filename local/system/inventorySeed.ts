/**
 * The stock local mode starts with, read from a JSON file (`examples/inventory.json`):
 * `{ "stock": { "<sku>": <units> } }`. Seeding only adds SKUs the inventory does not know,
 * so restarting never resets stock that orders have taken.
 */
import { readFileSync } from 'node:fs';
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/Either';
import { formatDecodeErrors } from '../../workflow/decodeErrors';
import type { InventoryStore } from '../../handlers/ports';

/** A file that is not an inventory seed. */
export class InvalidInventorySeedError extends Error {
  public constructor(file: string, detail: string, options?: ErrorOptions) {
    super(`${file} is not an inventory seed: ${detail}`, options);
    this.name = 'InvalidInventorySeedError';
  }
}

const Units = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 0, 'NonNegativeInteger');

/** The seed file's shape. */
export const InventorySeed = t.intersection([t.type({ stock: t.record(t.string, Units) }), t.partial({ $comment: t.string })], 'InventorySeed');
export type InventorySeed = t.TypeOf<typeof InventorySeed>;

/** Reads and decodes a seed file. */
export function readInventorySeed(file: string): InventorySeed {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InvalidInventorySeedError(file, error instanceof Error ? error.message : String(error), { cause: error });
  }
  const decoded = InventorySeed.decode(parsed);
  if (isLeft(decoded)) throw new InvalidInventorySeedError(file, formatDecodeErrors(decoded.left).join('; '));
  return decoded.right;
}

/** Adds the seed's SKUs the store does not have yet; the SKUs added. */
export async function seedInventory(store: Pick<InventoryStore, 'getStock' | 'setStock'>, seed: InventorySeed): Promise<string[]> {
  const added: string[] = [];
  for (const [sku, units] of Object.entries(seed.stock)) {
    if ((await store.getStock(sku)) !== undefined) continue;
    await store.setStock(sku, units);
    added.push(sku);
  }
  return added;
}
