import { JsonPathSyntaxError } from './errors';
import { FilterExpression, parseFilter } from './filter';
import { cachedBy } from '../../common/boundedCache';

/** What a path starts from: `$` the input, `$$` the context object, `$name` an Assign variable. */
export type PathRoot =
  | { readonly kind: 'input' }
  | { readonly kind: 'context' }
  | { readonly kind: 'variable'; readonly name: string };

/** One step of a compiled path, as Jayway JsonPath models it. */
export type PathToken =
  | { readonly kind: 'property'; readonly names: readonly string[] }
  | { readonly kind: 'index'; readonly indexes: readonly number[] }
  | { readonly kind: 'slice'; readonly from?: number; readonly to?: number }
  | { readonly kind: 'wildcard' }
  | { readonly kind: 'scan' }
  | { readonly kind: 'filter'; readonly expression: FilterExpression }
  | { readonly kind: 'function'; readonly name: string };

/** A parsed path. */
export interface CompiledPath {
  /** The path as written. */
  readonly text: string;
  readonly root: PathRoot;
  readonly tokens: readonly PathToken[];
  /**
   * True when the path can select at most one node (no wildcard, deep scan, filter, slice or
   * index list): Jayway then returns the node itself, otherwise a list of every match.
   */
  readonly definite: boolean;
  /**
   * For a path of single names and single indexes only (`$.a.b[0]`, the usual kind): its steps,
   * a name as a string and an index as a number, which a reader can follow without the general
   * walk. Undefined for any other path.
   */
  readonly simpleSteps?: ReadonlyArray<string | number>;
}


/**
 * Parses `$`, `$.a.b`, `$['a b']`, `$.a[0]`, `$.a[-1]`, `$.a[*]`, `$.a[1:5]`, `$..a`,
 * `$.a[?(@.x > 1)]`, `$$.Execution.Id` and `$name.field`.
 *
 * @throws JsonPathSyntaxError when the text is not a path.
 */
export function compilePath(text: string): CompiledPath {
  return parsedPath(text);
}

/** Jayway's text of a token, used to name the path in its error messages. */
export function tokenFragment(token: PathToken): string {
  switch (token.kind) {
    case 'property':
      return `[${token.names.map((n) => `'${n}'`).join(',')}]`;
    case 'index':
      return `[${token.indexes.join(',')}]`;
    case 'slice':
      return `[${token.from ?? ''}:${token.to ?? ''}]`;
    case 'wildcard':
      return '[*]';
    case 'scan':
      return '..';
    case 'filter':
      return '[?]';
    case 'function':
      return `.${token.name}()`;
  }
}

/** Jayway's canonical text of a path, e.g. `$['a'][0]`. */
export function canonicalPath(tokens: readonly PathToken[]): string {
  return '$' + tokens.map(tokenFragment).join('');
}

/** True for a token that selects at most one node; a multi-property token only as the leaf. */
export function isTokenDefinite(token: PathToken, isLeaf: boolean): boolean {
  switch (token.kind) {
    case 'property':
      return token.names.length === 1 || isLeaf;
    case 'index':
      return token.indexes.length === 1;
    default:
      return false;
  }
}

function parsePath(text: string): CompiledPath {
  const trimmed = text.trim();
  if (!trimmed.startsWith('$')) throw new JsonPathSyntaxError(text, `Path must start with '$': ${text}`);
  let root: PathRoot;
  let rest: string;
  if (trimmed.startsWith('$$')) {
    root = { kind: 'context' };
    rest = trimmed.slice(2);
  } else {
    const variable = /^\$([\p{L}_][\p{L}\p{N}_]*)/u.exec(trimmed);
    if (variable !== null) {
      root = { kind: 'variable', name: variable[1] };
      rest = trimmed.slice(variable[0].length);
    } else {
      root = { kind: 'input' };
      rest = trimmed.slice(1);
    }
  }
  const tokens = new TokenReader(text, rest).readAll();
  const definite = tokens.every((token, i) => isTokenDefinite(token, i === tokens.length - 1));
  const simple = definite && tokens.every((t) => (t.kind === 'property' && t.names.length === 1) || (t.kind === 'index' && t.indexes.length === 1));
  if (!simple) return { text, root, tokens, definite };
  const simpleSteps = tokens.map((t) => (t.kind === 'property' ? t.names[0] : (t as Extract<PathToken, { kind: 'index' }>).indexes[0]));
  return { text, root, tokens, definite, simpleSteps };
}

/** Reads the tokens after the root, the way Jayway's PathCompiler does. */
class TokenReader {
  private pos = 0;
  private readonly tokens: PathToken[] = [];

  public constructor(
    private readonly text: string,
    private readonly src: string,
  ) {}

  public readAll(): PathToken[] {
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '.') {
        if (this.src[this.pos + 1] === '.') {
          this.tokens.push({ kind: 'scan' });
          this.pos += 2;
          if (this.src[this.pos] === '[') continue;
          this.readDotted();
        } else {
          this.pos += 1;
          this.readDotted();
        }
      } else if (c === '[') {
        this.readBracket();
      } else {
        this.fail(`Illegal character at position ${this.pos + 1}: '${c}'`);
      }
    }
    return this.tokens;
  }

  private fail(detail: string): never {
    throw new JsonPathSyntaxError(this.text, detail);
  }

  /** After `.` or `..`: `*`, a property name, or a function call such as `length()`. */
  private readDotted(): void {
    if (this.src[this.pos] === '*') {
      this.tokens.push({ kind: 'wildcard' });
      this.pos += 1;
      return;
    }
    const start = this.pos;
    while (this.pos < this.src.length && !'.[( \t'.includes(this.src[this.pos])) this.pos += 1;
    const name = this.src.slice(start, this.pos);
    if (name === '') this.fail("Path must not end with a '.' or '..'");
    if (this.src[this.pos] === '(') {
      const close = this.src.indexOf(')', this.pos);
      if (close < 0) this.fail(`Function '${name}' is not closed`);
      this.tokens.push({ kind: 'function', name });
      this.pos = close + 1;
      return;
    }
    if (this.pos < this.src.length && /\s/.test(this.src[this.pos])) this.fail(`Illegal whitespace in path: ${this.text}`);
    this.tokens.push({ kind: 'property', names: [name] });
  }

  private skipSpaces(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos])) this.pos += 1;
  }

  private expectClose(): void {
    this.skipSpaces();
    if (this.src[this.pos] !== ']') this.fail(`Expected ']' at position ${this.pos + 1}`);
    this.pos += 1;
  }

  private readBracket(): void {
    this.pos += 1;
    this.skipSpaces();
    const c = this.src[this.pos];
    if (c === undefined) this.fail('Path must not end with a \'[\'');
    if (c === '?') return this.readFilter();
    if (c === '*') {
      this.pos += 1;
      this.expectClose();
      this.tokens.push({ kind: 'wildcard' });
      return;
    }
    if (c === "'" || c === '"') return this.readQuotedProperties();
    return this.readIndexes();
  }

  /**
   * `['a']`, `["a"]`, `['a','b']`. A backslash keeps the next character from closing the name;
   * the name keeps its text as written, as AWS's (pre-unescape) Jayway does.
   */
  private readQuotedProperties(): void {
    const names: string[] = [];
    for (;;) {
      this.skipSpaces();
      const quote = this.src[this.pos];
      if (quote !== "'" && quote !== '"') this.fail(`Expected a quoted property name at position ${this.pos + 1}`);
      this.pos += 1;
      const start = this.pos;
      let escaped = false;
      while (this.pos < this.src.length) {
        const ch = this.src[this.pos];
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === quote) break;
        this.pos += 1;
      }
      if (this.pos >= this.src.length) this.fail('Property has not been closed - missing closing quote');
      names.push(this.src.slice(start, this.pos));
      this.pos += 1;
      this.skipSpaces();
      if (this.src[this.pos] === ',') {
        this.pos += 1;
        continue;
      }
      this.expectClose();
      break;
    }
    this.tokens.push({ kind: 'property', names });
  }

  /** `[0]`, `[-1]`, `[0,2]`, `[1:5]`, `[1:]`, `[:2]`. */
  private readIndexes(): void {
    const close = this.src.indexOf(']', this.pos);
    if (close < 0) this.fail("Path must not end with a '['");
    const body = this.src.slice(this.pos, close).replace(/\s+/g, '');
    this.pos = close + 1;
    const integer = /^-?\d+$/;
    if (body.includes(':')) {
      const parts = body.split(':');
      if (parts.length > 3 || parts.some((p, i) => p !== '' && (i === 2 || !integer.test(p)))) {
        this.fail(`Failed to parse SliceOperation: ${body}`);
      }
      const [from, to] = parts;
      this.tokens.push({
        kind: 'slice',
        ...(from !== '' ? { from: Number(from) } : {}),
        ...(to !== '' ? { to: Number(to) } : {}),
      });
      return;
    }
    const items = body.split(',');
    if (items.some((i) => !integer.test(i))) this.fail(`Failed to parse array index: [${body}]`);
    this.tokens.push({ kind: 'index', indexes: items.map(Number) });
  }

  /** `[?(expression)]`: finds the `)` that closes the filter, skipping quoted text. */
  private readFilter(): void {
    this.pos += 1;
    this.skipSpaces();
    if (this.src[this.pos] !== '(') this.fail(`Expected '(' after '?' at position ${this.pos + 1}`);
    const start = this.pos + 1;
    let depth = 0;
    let quote: string | undefined;
    for (; this.pos < this.src.length; this.pos += 1) {
      const ch = this.src[this.pos];
      if (quote !== undefined) {
        if (ch === '\\') this.pos += 1;
        else if (ch === quote) quote = undefined;
      } else if (ch === "'" || ch === '"') quote = ch;
      else if (ch === '(') depth += 1;
      else if (ch === ')') {
        depth -= 1;
        if (depth === 0) break;
      }
    }
    if (depth !== 0) this.fail('Filter has not been closed');
    const expression = parseFilter(this.text, this.src.slice(start, this.pos));
    this.pos += 1;
    this.expectClose();
    this.tokens.push({ kind: 'filter', expression });
  }
}

const parsedPath = cachedBy(parsePath, 10_000);
