/**
 * Type helpers for ASL fields that exclude each other (`Seconds` vs `SecondsPath`, ...).
 * Each variant sets one key and forbids the others with `?: never`, so setting two is a
 * compile error even for values that are not object literals.
 */

/** Exactly one of the keys of `T` is set. */
export type ExactlyOne<T> = {
  [K in keyof T]: { [P in K]: T[P] } & { [P in Exclude<keyof T, K>]?: never };
}[keyof T];

/** At most one of the keys of `T` is set. */
export type AtMostOne<T> = ExactlyOne<T> | { [P in keyof T]?: never };
