/** The syntax tree of an intrinsic invocation such as `States.Format('{}', $.name)`. */
export type IntrinsicArgument = StringLiteral | OtherLiteral | PathReference | IntrinsicCall;

/** `'text'`, unescaped; `formatParts` keeps where unescaped `{}` placeholders were. */
export interface StringLiteral {
  readonly kind: 'string';
  readonly value: string;
  /** The text between unescaped `{}` sequences (`\{` and `\}` are never placeholders). */
  readonly formatParts: readonly string[];
}

/** A number, `true`, `false` or `null`. */
export interface OtherLiteral {
  readonly kind: 'literal';
  readonly value: number | boolean | null;
}

/** `$...`, `$$...` or `$variable...`, resolved by the caller's scope. */
export interface PathReference {
  readonly kind: 'path';
  readonly path: string;
}

/** `States.Name(arg, ...)`. */
export interface IntrinsicCall {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly IntrinsicArgument[];
}
