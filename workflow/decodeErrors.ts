/**
 * Turns io-ts decode errors into short messages that name the field:
 * `order.items[0].quantity: expected number, got "3"`.
 *
 * Values are previewed, never dumped: long strings are cut, objects and arrays are only
 * described, and digit runs that could be a card number are redacted, so a message is
 * always safe to return to a caller and to log.
 */
import type * as t from 'io-ts';

/** Options of {@link formatDecodeErrors}. */
export interface FormatDecodeErrorsOptions {
  /**
   * At most this many messages; the rest are summarised in one last line.
   * @default 20
   */
  readonly limit?: number;
}

/** Codecs whose children are alternatives or parts of the same value, not fields. */
const TRANSPARENT_TAGS = new Set(['UnionType', 'IntersectionType']);

/** The longest string shown verbatim in a preview. */
const MAX_PREVIEW_CHARS = 40;

/** 12 to 19 digits, optionally separated by spaces or dashes: could be a card number. */
const CARD_LIKE = /\d(?:[ -]?\d){11,18}/g;

/** Renders the path of a failed value: `order.items[0].quantity`, or `(root)`. */
export function fieldPath(context: t.Context): string {
  let path = '';
  for (let i = 1; i < context.length; i++) {
    const parentTag = (context[i - 1].type as { _tag?: string })._tag;
    if (parentTag !== undefined && TRANSPARENT_TAGS.has(parentTag)) continue;
    const key = context[i].key;
    if (key === '') continue;
    path += parentTag === 'ArrayType' || parentTag === 'ReadonlyArrayType' ? `[${key}]` : path === '' ? key : `.${key}`;
  }
  return path === '' ? '(root)' : path;
}

/** The codec a failed value was expected to match: a whole intersection, not one of its parts. */
function expectedCodec(context: t.Context): t.Decoder<unknown, unknown> | undefined {
  let i = context.length - 1;
  while (i > 0 && (context[i - 1].type as { _tag?: string })._tag === 'IntersectionType') i--;
  return context[i]?.type;
}

/** A short, safe description of a value for an error message. */
export function previewValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array(${value.length})`;
  switch (typeof value) {
    case 'string': {
      const cut = value.length > MAX_PREVIEW_CHARS ? `${value.slice(0, MAX_PREVIEW_CHARS)}…` : value;
      const shown = JSON.stringify(cut).replace(CARD_LIKE, '[redacted]');
      return value.length > MAX_PREVIEW_CHARS ? `${shown} (${value.length} chars)` : shown;
    }
    case 'number':
    case 'bigint':
      return String(value).replace(CARD_LIKE, '[redacted]');
    case 'boolean':
      return String(value);
    case 'object':
      return 'object';
    default:
      return typeof value;
  }
}

/**
 * Formats io-ts errors as `field: expected X, got Y`, one per failed field. Alternatives
 * of a union failing at the same field are merged (`expected "A" | "B"`).
 */
export function formatDecodeErrors(errors: t.Errors, options: FormatDecodeErrorsOptions = {}): string[] {
  const limit = options.limit ?? 20;
  const byField = new Map<string, { expected: string[]; got: string }>();
  for (const error of errors) {
    const expectedType = expectedCodec(error.context);
    const field = fieldPath(error.context);
    const got = previewValue(error.value);
    const key = `${field}\u0000${got}`;
    const entry = byField.get(key) ?? { expected: [], got };
    const expected = expectedType?.name ?? 'a valid value';
    if (!entry.expected.includes(expected)) entry.expected.push(expected);
    byField.set(key, entry);
  }
  const messages = [...byField.entries()].map(
    ([key, { expected, got }]) => `${key.split('\u0000')[0]}: expected ${expected.join(' | ')}, got ${got}`,
  );
  if (messages.length <= limit) return messages;
  return [...messages.slice(0, limit), `… and ${messages.length - limit} more`];
}
