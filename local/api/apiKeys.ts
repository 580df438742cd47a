/**
 * API keys, as API Gateway checks them: a request names its key in `x-api-key`. Keys are kept
 * only as SHA-256 digests and compared in constant time against every stored digest, so
 * neither the keys nor which key matched leak through memory dumps or timing.
 */
import { hash, timingSafeEqual } from 'node:crypto';

/** An API key to accept: its id, and either its value or the hex SHA-256 digest of it. */
export type ApiKeyDefinition =
  | { readonly id: string; readonly value: string }
  | { readonly id: string; readonly sha256: string };

interface StoredKey {
  readonly id: string;
  readonly digest: Buffer;
}

/** The SHA-256 digest of a key, as stored. */
export function digestApiKey(value: string): Buffer {
  // The one-shot hash: no Hash object per request.
  return hash('sha256', value, 'buffer');
}

/** The accepted API keys. */
export class ApiKeyRegistry {
  private readonly keys: readonly StoredKey[];

  public constructor(definitions: readonly ApiKeyDefinition[]) {
    this.keys = definitions.map((definition) => {
      const digest = 'value' in definition ? digestApiKey(definition.value) : Buffer.from(definition.sha256, 'hex');
      if (digest.length !== 32) throw new RangeError(`API key ${definition.id}: sha256 must be 64 hex digits`);
      return { id: definition.id, digest };
    });
  }

  /** The id of the key presented, or `undefined` when it is missing or matches none. */
  public identify(presented: string | undefined): string | undefined {
    if (presented === undefined || presented === '') return undefined;
    const digest = digestApiKey(presented);
    let matched: string | undefined;
    // No early exit: every stored key is compared, whatever matches.
    for (const key of this.keys) {
      if (timingSafeEqual(key.digest, digest) && matched === undefined) matched = key.id;
    }
    return matched;
  }
}
