/**
 * Decoding of the rows and JSON columns the adapters read: decoded, never cast, so a
 * corrupted row fails loudly instead of travelling on.
 */
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/Either';
import { ReservationRequestLine, StockLine } from '../../../workflow/contracts';
import { formatDecodeErrors } from '../../../workflow/decodeErrors';

/** A reservation's requested lines. */
export const StoredReservationLines = t.array(ReservationRequestLine);
/** A reservation's stock status per line. */
export const StoredStockLines = t.array(StockLine);

/** A stored row that does not decode. */
export class CorruptRowError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CorruptRow';
  }
}

/** Parses and decodes a JSON column. */
export function decodeStored<A>(codec: t.Decoder<unknown, A>, json: string): A {
  const result = codec.decode(JSON.parse(json));
  if (isLeft(result)) throw new CorruptRowError(`stored value does not decode: ${formatDecodeErrors(result.left).join('; ')}`);
  return result.right;
}

/** Decodes a row read from a table (`undefined` stays `undefined`). */
export function decodeRow<A>(codec: t.Decoder<unknown, A>, row: unknown, table: string): A | undefined {
  if (row === undefined) return undefined;
  const result = codec.decode(row);
  if (isLeft(result)) throw new CorruptRowError(`row of ${table} does not decode: ${formatDecodeErrors(result.left).join('; ')}`);
  return result.right;
}
