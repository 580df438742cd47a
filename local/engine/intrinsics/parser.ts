import { invalidIntrinsicSyntax } from './errors';
import { findIntrinsicFunction } from './registry';
import type { IntrinsicArgument, IntrinsicCall, StringLiteral } from './syntax';

/** AWS allows up to 10 intrinsic functions nested within one field. */
const MAX_NESTING = 10;

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const FUNCTION_NAME = /^States\.[A-Za-z0-9]+/;
const KEYWORDS: ReadonlyArray<readonly [string, boolean | null]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];

/**
 * Parses an intrinsic invocation, checking the function names and their argument counts, so a
 * definition can be validated before it runs.
 *
 * @throws StatesError (`States.Runtime`) naming the problem and the field.
 * @example parseIntrinsic("States.Format('Hello {}', $.name)")
 */
export function parseIntrinsic(expression: string, fieldName?: string): IntrinsicCall {
  return new IntrinsicParser(expression, fieldName).parse();
}

class IntrinsicParser {
  private position = 0;

  public constructor(
    private readonly text: string,
    private readonly fieldName: string | undefined,
  ) {}

  public parse(): IntrinsicCall {
    this.skipSpaces();
    const call = this.call(1);
    this.skipSpaces();
    if (this.position < this.text.length) this.fail(`unexpected '${this.text.slice(this.position)}'`);
    return call;
  }

  private call(depth: number): IntrinsicCall {
    if (depth > MAX_NESTING) this.fail(`more than ${MAX_NESTING} nested intrinsic functions`);
    const name = FUNCTION_NAME.exec(this.rest())?.[0];
    if (name === undefined) this.fail('expected an intrinsic function name');
    const fn = findIntrinsicFunction(name);
    if (fn === undefined) this.fail(`unknown intrinsic function ${name}`);
    this.position += name.length;
    this.expect('(');
    const args = this.argumentList(depth);
    if (args.length < fn.minArgs || args.length > fn.maxArgs) {
      this.fail(`${name} takes ${describeArity(fn.minArgs, fn.maxArgs)}, got ${args.length}`);
    }
    return { kind: 'call', name, args };
  }

  private argumentList(depth: number): IntrinsicArgument[] {
    const args: IntrinsicArgument[] = [];
    this.skipSpaces();
    if (this.peek() === ')') {
      this.position += 1;
      return args;
    }
    for (;;) {
      this.skipSpaces();
      args.push(this.argument(depth));
      this.skipSpaces();
      const next = this.peek();
      this.position += 1;
      if (next === ')') return args;
      if (next !== ',') this.fail(next === undefined ? "missing ')'" : `unexpected '${next}'`);
    }
  }

  private argument(depth: number): IntrinsicArgument {
    const rest = this.rest();
    if (rest.startsWith("'")) return this.stringLiteral();
    if (rest.startsWith('$')) return { kind: 'path', path: this.path() };
    if (rest.startsWith('States.')) return this.call(depth + 1);
    const number = NUMBER.exec(rest)?.[0];
    if (number !== undefined && !/^[A-Za-z0-9_.]/.test(rest.slice(number.length))) {
      this.position += number.length;
      return { kind: 'literal', value: Number(number) };
    }
    for (const [word, value] of KEYWORDS) {
      if (rest.startsWith(word) && !/^[A-Za-z0-9_]/.test(rest.slice(word.length))) {
        this.position += word.length;
        return { kind: 'literal', value };
      }
    }
    return this.fail(rest.length === 0 ? "missing ')'" : `invalid argument '${rest}'`);
  }

  /** `'...'` with the escapes \' \{ \} \\; any other backslash is an open escape. */
  private stringLiteral(): StringLiteral {
    this.position += 1;
    const parts: string[] = [];
    let value = '';
    let part = '';
    for (;;) {
      const char = this.peek();
      if (char === undefined) this.fail('unterminated string literal');
      this.position += 1;
      if (char === "'") break;
      if (char === '\\') {
        const escaped = this.peek();
        if (escaped === undefined || !"'{}\\".includes(escaped)) this.fail('open escape backslash');
        this.position += 1;
        value += escaped;
        part += escaped;
      } else if (char === '{' && this.peek() === '}') {
        this.position += 1;
        value += '{}';
        parts.push(part);
        part = '';
      } else {
        value += char;
        part += char;
      }
    }
    parts.push(part);
    return { kind: 'string', value, formatParts: parts };
  }

  /** A path runs to the next ',' or ')' outside brackets, parentheses and quotes. */
  private path(): string {
    const start = this.position;
    const closers: string[] = [];
    let quote: string | undefined;
    for (; this.position < this.text.length; this.position += 1) {
      const char = this.text[this.position];
      if (quote !== undefined) {
        if (char === '\\') this.position += 1;
        else if (char === quote) quote = undefined;
      } else if (char === "'" || char === '"') {
        quote = char;
      } else if (char === '[') {
        closers.push(']');
      } else if (char === '(') {
        closers.push(')');
      } else if (closers.length > 0 && char === closers[closers.length - 1]) {
        closers.pop();
      } else if (closers.length === 0 && (char === ',' || char === ')')) {
        break;
      }
    }
    return this.text.slice(start, this.position).trimEnd();
  }

  private expect(char: string): void {
    if (this.peek() !== char) this.fail(`expected '${char}'`);
    this.position += 1;
  }

  private skipSpaces(): void {
    while (/\s/.test(this.peek() ?? '')) this.position += 1;
  }

  private peek(): string | undefined {
    return this.text[this.position];
  }

  private rest(): string {
    return this.text.slice(this.position);
  }

  private fail(problem: string): never {
    throw invalidIntrinsicSyntax(this.fieldName, this.text, problem);
  }
}

function describeArity(min: number, max: number): string {
  if (min === max) return `${min} argument${min === 1 ? '' : 's'}`;
  if (max === Infinity) return `at least ${min} argument${min === 1 ? '' : 's'}`;
  return `${min} to ${max} arguments`;
}
