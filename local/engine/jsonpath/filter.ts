import { JsonPathSyntaxError } from './errors';

/*
 * Inline filters, `[?(@.price > 10 && @.tag in ['a','b'])]`, with the operators and comparison
 * rules of Jayway JsonPath.
 */

/** A value a filter compares: a path from the current item (`@`) or the root (`$`), or a literal. */
export type FilterOperand =
  | { readonly kind: 'path'; readonly from: '@' | '$'; /** as `$...` */ readonly path: string }
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'regex'; readonly regex: RegExp };

/** Jayway's relational operators. */
export type RelationOperator =
  | '==' | '!=' | '<' | '<=' | '>' | '>=' | '=~'
  | 'in' | 'nin' | 'subsetof' | 'anyof' | 'noneof' | 'size' | 'empty' | 'contains';

/** A parsed filter. */
export type FilterExpression =
  | { readonly kind: 'or' | 'and'; readonly left: FilterExpression; readonly right: FilterExpression }
  | { readonly kind: 'not'; readonly operand: FilterExpression }
  | { readonly kind: 'exists'; readonly operand: FilterOperand }
  | { readonly kind: 'relation'; readonly operator: RelationOperator; readonly left: FilterOperand; readonly right: FilterOperand };

/** Reads a sub-path of a filter; `found` is false when it selects nothing. */
export type FilterPathReader = (path: string, document: unknown) => { found: boolean; value: unknown };

type Lexeme =
  | { readonly t: 'op'; readonly v: string }
  | { readonly t: 'operand'; readonly v: FilterOperand }
  | { readonly t: '(' | ')' };

const WORD_OPERATORS = new Set(['in', 'nin', 'subsetof', 'anyof', 'noneof', 'size', 'empty', 'contains']);
const SYMBOL_OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '=~', '<', '>', '!'];

/**
 * Parses the text between `[?(` and `)]`.
 *
 * @throws JsonPathSyntaxError for text Jayway would reject.
 */
export function parseFilter(pathText: string, body: string): FilterExpression {
  const lexemes = lex(pathText, body);
  let i = 0;
  const fail = (detail: string): never => {
    throw new JsonPathSyntaxError(pathText, `Failed to parse filter: ${body}, ${detail}`);
  };
  const peek = (): Lexeme | undefined => lexemes[i];
  const isOp = (l: Lexeme | undefined, v: string): boolean => l !== undefined && l.t === 'op' && l.v === v;

  const parseOr = (): FilterExpression => {
    let left = parseAnd();
    while (isOp(peek(), '||')) {
      i += 1;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): FilterExpression => {
    let left = parseUnary();
    while (isOp(peek(), '&&')) {
      i += 1;
      left = { kind: 'and', left, right: parseUnary() };
    }
    return left;
  };
  const parseUnary = (): FilterExpression => {
    const l = peek();
    if (isOp(l, '!')) {
      i += 1;
      return { kind: 'not', operand: parseUnary() };
    }
    if (l !== undefined && l.t === '(') {
      i += 1;
      const inner = parseOr();
      if (peek()?.t !== ')') fail("expected ')'");
      i += 1;
      return inner;
    }
    return parseRelation();
  };
  const parseOperand = (): FilterOperand => {
    const l = peek();
    if (l === undefined || l.t !== 'operand') return fail('expected a value or a path');
    i += 1;
    return l.v;
  };
  const parseRelation = (): FilterExpression => {
    const left = parseOperand();
    const next = peek();
    if (next !== undefined && next.t === 'op' && next.v !== '&&' && next.v !== '||' && next.v !== '!') {
      i += 1;
      return { kind: 'relation', operator: next.v as RelationOperator, left, right: parseOperand() };
    }
    if (left.kind !== 'path') fail('a literal alone is not a condition');
    return { kind: 'exists', operand: left };
  };

  const expression = parseOr();
  if (i < lexemes.length) fail('unexpected trailing text');
  return expression;
}

function lex(pathText: string, body: string): Lexeme[] {
  const out: Lexeme[] = [];
  let pos = 0;
  const fail = (detail: string): never => {
    throw new JsonPathSyntaxError(pathText, `Failed to parse filter: ${body}, ${detail}`);
  };

  const readString = (): string => {
    const quote = body[pos];
    pos += 1;
    let value = '';
    while (pos < body.length && body[pos] !== quote) {
      if (body[pos] === '\\' && pos + 1 < body.length) {
        const e = body[pos + 1];
        value += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
        pos += 2;
      } else {
        value += body[pos];
        pos += 1;
      }
    }
    if (pos >= body.length) fail('unterminated string');
    pos += 1;
    return value;
  };

  const readLiteral = (): unknown => {
    while (/\s/.test(body[pos] ?? '')) pos += 1;
    const c = body[pos];
    if (c === "'" || c === '"') return readString();
    if (c === '[') {
      pos += 1;
      const items: unknown[] = [];
      for (;;) {
        while (/\s/.test(body[pos] ?? '')) pos += 1;
        if (body[pos] === ']') {
          pos += 1;
          return items;
        }
        items.push(readLiteral());
        while (/\s/.test(body[pos] ?? '')) pos += 1;
        if (body[pos] === ',') pos += 1;
        else if (body[pos] !== ']') fail('malformed array literal');
      }
    }
    if (c === '{') {
      let depth = 0;
      const start = pos;
      for (; pos < body.length; pos += 1) {
        if (body[pos] === '{') depth += 1;
        else if (body[pos] === '}' && --depth === 0) break;
      }
      pos += 1;
      try {
        return JSON.parse(body.slice(start, pos));
      } catch {
        return fail('malformed object literal');
      }
    }
    const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(body.slice(pos));
    if (number !== null) {
      pos += number[0].length;
      return Number(number[0]);
    }
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (body.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    return fail(`unexpected character '${c ?? ''}'`);
  };

  const readPath = (): string => {
    const start = pos;
    let depth = 0;
    let quote: string | undefined;
    for (; pos < body.length; pos += 1) {
      const ch = body[pos];
      if (quote !== undefined) {
        if (ch === '\\') pos += 1;
        else if (ch === quote) quote = undefined;
      } else if (ch === "'" || ch === '"') quote = ch;
      else if (ch === '[' || ch === '(') depth += 1;
      else if ((ch === ']' || ch === ')') && depth > 0) depth -= 1;
      else if (depth === 0 && (/\s/.test(ch) || ')=!<>&|,'.includes(ch))) break;
    }
    return body.slice(start, pos);
  };

  while (pos < body.length) {
    const c = body[pos];
    if (/\s/.test(c)) {
      pos += 1;
      continue;
    }
    if (c === '(' || c === ')') {
      out.push({ t: c });
      pos += 1;
      continue;
    }
    const symbol = SYMBOL_OPERATORS.find((s) => body.startsWith(s, pos));
    if (symbol !== undefined) {
      out.push({ t: 'op', v: symbol });
      pos += symbol.length;
      continue;
    }
    if (c === '@' || c === '$') {
      const text = readPath();
      out.push({ t: 'operand', v: { kind: 'path', from: c, path: c === '@' ? '$' + text.slice(1) : text } });
      continue;
    }
    if (c === '/') {
      const end = /^\/((?:\\.|[^/\\])*)\/([a-z]*)/.exec(body.slice(pos));
      if (end === null) return fail('unterminated regular expression');
      pos += end[0].length;
      const flags = [...end[2]].filter((f) => 'ims'.includes(f)).join('');
      out.push({ t: 'operand', v: { kind: 'regex', regex: new RegExp(`^(?:${end[1]})$`, flags) } });
      continue;
    }
    const word = /^[A-Za-z]+/.exec(body.slice(pos));
    if (word !== null && WORD_OPERATORS.has(word[0])) {
      out.push({ t: 'op', v: word[0] });
      pos += word[0].length;
      continue;
    }
    out.push({ t: 'operand', v: { kind: 'value', value: readLiteral() } });
  }
  return out;
}

/** Evaluates a filter on one candidate node; `root` is the document the whole path reads. */
export function testFilter(expression: FilterExpression, item: unknown, root: unknown, read: FilterPathReader): boolean {
  switch (expression.kind) {
    case 'or':
      return testFilter(expression.left, item, root, read) || testFilter(expression.right, item, root, read);
    case 'and':
      return testFilter(expression.left, item, root, read) && testFilter(expression.right, item, root, read);
    case 'not':
      return !testFilter(expression.operand, item, root, read);
    case 'exists':
      return operandValue(expression.operand, item, root, read).found;
    case 'relation': {
      const left = operandValue(expression.left, item, root, read);
      const right = operandValue(expression.right, item, root, read);
      return relate(expression.operator, left.found ? left.value : undefined, right.found ? right.value : undefined, expression.right);
    }
  }
}

function operandValue(operand: FilterOperand, item: unknown, root: unknown, read: FilterPathReader): { found: boolean; value: unknown } {
  if (operand.kind === 'value') return { found: true, value: operand.value };
  if (operand.kind === 'regex') return { found: true, value: operand.regex };
  return read(operand.path, operand.from === '@' ? item : root);
}

/** Jayway's equality: a number equals a string holding the same number; a string equals a number's text. */
function jaywayEquals(left: unknown, right: unknown): boolean {
  if (left === undefined || right === undefined) return false;
  if (typeof left === 'number') {
    if (typeof right === 'number') return left === right;
    if (typeof right === 'string') return right.trim() !== '' && Number(right) === left;
    return false;
  }
  if (typeof left === 'string') {
    if (typeof right === 'string') return left === right;
    if (typeof right === 'number') return left === String(right);
    return false;
  }
  return deepEqual(left, right);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const rb = b as Record<string, unknown>;
  const ra = a as Record<string, unknown>;
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && deepEqual(ra[k], rb[k]));
}

function order(left: unknown, right: unknown): number | undefined {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  return undefined;
}

function relate(operator: RelationOperator, left: unknown, right: unknown, rightOperand: FilterOperand): boolean {
  switch (operator) {
    case '==':
      return jaywayEquals(left, right);
    case '!=':
      return !jaywayEquals(left, right);
    case '<': {
      const o = order(left, right);
      return o !== undefined && o < 0;
    }
    case '<=': {
      const o = order(left, right);
      return o !== undefined && o <= 0;
    }
    case '>': {
      const o = order(left, right);
      return o !== undefined && o > 0;
    }
    case '>=': {
      const o = order(left, right);
      return o !== undefined && o >= 0;
    }
    case '=~': {
      if (!(right instanceof RegExp) || rightOperand.kind !== 'regex') return false;
      if (typeof left !== 'string' && typeof left !== 'number' && typeof left !== 'boolean') return false;
      return right.test(String(left));
    }
    case 'in':
      return Array.isArray(right) && right.some((r) => jaywayEquals(left, r));
    case 'nin':
      return Array.isArray(right) && !right.some((r) => jaywayEquals(left, r));
    case 'subsetof':
      return Array.isArray(left) && Array.isArray(right) && left.every((l) => right.some((r) => jaywayEquals(l, r)));
    case 'anyof':
      return Array.isArray(left) && Array.isArray(right) && left.some((l) => right.some((r) => jaywayEquals(l, r)));
    case 'noneof':
      return Array.isArray(left) && Array.isArray(right) && !left.some((l) => right.some((r) => jaywayEquals(l, r)));
    case 'size':
      return (Array.isArray(left) || typeof left === 'string') && typeof right === 'number' && left.length === right;
    case 'empty':
      return (Array.isArray(left) || typeof left === 'string') && typeof right === 'boolean' && (left.length === 0) === right;
    case 'contains':
      if (typeof left === 'string') return typeof right === 'string' && left.includes(right);
      return Array.isArray(left) && left.some((l) => jaywayEquals(l, right));
  }
}
