/**
 * Typed JSONPath reference paths over a data type: which paths exist in `T`, the type at a
 * path, and the type after writing a value at a path (ResultPath). Paths are the literal ASL
 * strings (`'$.payment.status'`), so a misspelled field is a compile error that lists the
 * paths that do exist.
 */

type Primitive = string | number | boolean | bigint | symbol | null | undefined;

/** Depth budget: how many levels below `$` paths are generated. */
type Budget = [never, 0, 1, 2, 3, 4, 5, 6, 7];
type Deepest = 7;

/** One reachable path of a data type and the type found there. */
export interface PathEntry<P extends string = string, V = unknown> {
  path: P;
  value: V;
}

/** Every path below `T` (prefix `P`), with its value type; unions contribute each member's paths. */
type EntriesBelow<T, P extends string, D extends number> = [D] extends [never]
  ? never
  : T extends Primitive
    ? never
    : T extends readonly unknown[]
      ? number extends T['length']
        ? EntriesAt<T[number], `${P}[${number}]`, Budget[D]>
        : { [I in keyof T & `${number}`]: EntriesAt<T[I], `${P}[${I}]`, Budget[D]> }[keyof T & `${number}`]
      : { [K in keyof T & string]-?: EntriesAt<T[K], `${P}.${K}`, Budget[D]> }[keyof T & string];

/** The entry at `P` itself, plus those below it; distributes over the members of `T`. */
type EntriesAt<T, P extends string, D extends number> = T extends unknown
  ? PathEntry<P, T> | EntriesBelow<T, P, D>
  : never;

/** Every path of `T` (`'$'` included) paired with its value type. */
export type PathEntries<T> = EntriesAt<T, '$', Deepest>;

/** A reference path that exists in `T`: `'$'`, `'$.order.items'`, `'$.items[0].sku'`, `'$[1]'`. */
export type PathOf<T> = '$' | PathEntries<T>['path'];

/** The paths of `T` whose value (ignoring `undefined`/`null`) is a `V`. */
export type PathTo<T, V> = Extract<PathEntries<T>, { value: V }>['path'];

/** The type found at path `P` of `T` (a union when union members differ there). */
export type TypeAt<T, P extends string> = Extract<PathEntries<T>, { path: P }>['value'];

/** The keys of a simple path: `'$.a.b'` → `['a', 'b']`; `'$'` → `[]`. */
export type PathKeys<P extends string> = P extends '$'
  ? []
  : P extends `$.${infer Rest}`
    ? SplitDots<Rest>
    : never;
type SplitDots<S extends string> = S extends `${infer Head}.${infer Tail}` ? [Head, ...SplitDots<Tail>] : [S];

/** Flattens intersections for readable hover types and error messages. */
export type Simplify<T> = T extends Primitive | readonly unknown[] ? T : { [K in keyof T]: T[K] } & {};

/** `T` with `V` written at the simple path `P` (ResultPath semantics); `'$'` replaces `T`. */
export type SetAt<T, P extends string, V> = SetKeys<T, PathKeys<P>, V>;
type SetKeys<T, Keys, V> = Keys extends [infer K extends string, ...infer Rest]
  ? Simplify<Omit<T, K> & { [Q in K]: SetKeys<K extends keyof T ? NonNullable<T[K]> : unknown, Rest, V> }>
  : V;

/** A ResultPath: `'$'`, a simple path `'$.a.b'`, or `null` to discard the result. */
export type ResultPathExpr = '$' | `$.${string}` | null;

/** The type after applying a ResultPath: discard (null), replace (`'$'`) or merge. */
export type ApplyResultPath<In, RP extends ResultPathExpr, R> = RP extends null
  ? In
  : RP extends string
    ? SetAt<In, RP, R>
    : never;

/** The type selected by an InputPath/OutputPath: `null` selects `{}`. */
export type SelectPath<T, P extends string | null> = P extends null ? {} : P extends string ? TypeAt<T, P> : never;
