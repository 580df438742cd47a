import type { JsonValue } from '../asl';
import type { PathOf, Simplify, TypeAt } from './paths';

/**
 * Typed payload templates (`Parameters`, `ResultSelector`, `ItemSelector`): a key ending in
 * `.$` takes a path of the context (checked), a context-object path (`$$.…`) or an intrinsic
 * function call (`States.…`); other keys take JSON, or nested templates.
 */

/** What a `.$` key may hold, given the context data type `Ctx`. */
export type PayloadExpression<Ctx> = PathOf<Ctx> | `$$.${string}` | `States.${string}`;

/** Validates template `Tpl` against context `Ctx`: `.$` values must be existing paths. */
export type TemplateFor<Ctx, Tpl> = {
  [K in keyof Tpl]: K extends `${string}.$`
    ? PayloadExpression<Ctx>
    : Tpl[K] extends readonly unknown[]
      ? Tpl[K]
      : Tpl[K] extends object
        ? TemplateFor<Ctx, Tpl[K]>
        : Tpl[K];
};

/** A template before validation. */
export type Template = { readonly [key: string]: JsonValue | Template | readonly JsonValue[] };

/** The result type of the intrinsic functions that have a fixed one. */
type IntrinsicResult<F extends string> = F extends 'Format' | 'JsonToString' | 'UUID' | 'Base64Encode' | 'Base64Decode' | 'Hash'
  ? string
  : F extends 'MathAdd' | 'MathRandom' | 'ArrayLength'
    ? number
    : F extends 'ArrayContains'
      ? boolean
      : F extends 'Array' | 'ArrayPartition' | 'ArrayRange' | 'ArrayUnique'
        ? unknown[]
        : unknown;

/** The type a `.$` value evaluates to in `Ctx`. */
export type ExpressionType<Ctx, E> = E extends `$$.${string}`
  ? unknown
  : E extends `States.${infer F}(${string}`
    ? IntrinsicResult<F>
    : E extends string
      ? TypeAt<Ctx, E>
      : never;

/** The object a template evaluates to in `Ctx`. */
export type PayloadOf<Ctx, Tpl> = Simplify<{
  -readonly [K in keyof Tpl as K extends `${infer Name}.$` ? Name : K]: K extends `${string}.$`
    ? ExpressionType<Ctx, Tpl[K]>
    : Tpl[K] extends readonly unknown[]
      ? Tpl[K]
      : Tpl[K] extends object
        ? PayloadOf<Ctx, Tpl[K]>
        : Tpl[K];
}>;
