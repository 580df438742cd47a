/**
 * A small renderer for the subset of API Gateway's VTL the API's mapping templates use,
 * so tests can render them on sample requests and responses:
 * `#set`, `#if` / `#elseif` / `#else` / `#end`, references (`$x`, `$!x`) with property
 * access and method calls, string and number literals, `==`, `!=`, `||`, `&&`, `!`;
 * `$input.path/json/params`, `$util.escapeJavaScript`, `$context` (incl. responseOverride),
 * and the Java String methods `contains`, `endsWith`, `startsWith`, `replaceAll`.
 */

/** The request or response a template is rendered on. */
export interface VtlInput {
  /** The JSON body (request body, or integration response body). */
  readonly body: unknown;
  /** Path, query string and header parameters, by name. */
  readonly params?: Readonly<Record<string, string>>;
}

/** The rendered text and what the template set in `$context.responseOverride`. */
export interface VtlResult {
  readonly output: string;
  readonly statusOverride?: number;
}

/** A template this renderer does not understand. */
export class VtlSyntaxError extends Error {
  public constructor(message: string, position: number) {
    super(`${message} at ${position}`);
    this.name = 'VtlSyntaxError';
  }
}

type Expr =
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'template'; readonly parts: readonly Node[] }
  | { readonly kind: 'ref'; readonly ref: Ref }
  | { readonly kind: 'not'; readonly operand: Expr }
  | { readonly kind: 'binary'; readonly op: '==' | '!=' | '||' | '&&'; readonly left: Expr; readonly right: Expr };

interface Ref {
  readonly quiet: boolean;
  readonly root: string;
  readonly path: readonly ({ readonly kind: 'prop'; readonly name: string } | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[] })[];
  readonly source: string;
}

type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'ref'; readonly ref: Ref }
  | { readonly kind: 'set'; readonly target: Ref; readonly value: Expr }
  | { readonly kind: 'if'; readonly branches: readonly { readonly cond: Expr; readonly body: readonly Node[] }[]; readonly otherwise: readonly Node[] };

class Parser {
  private pos = 0;
  public constructor(private readonly src: string) {}

  public parseTemplate(): Node[] {
    const { nodes, stop } = this.parseNodes();
    if (stop !== 'eof') throw new VtlSyntaxError(`unexpected #${stop}`, this.pos);
    return nodes;
  }

  private parseNodes(): { nodes: Node[]; stop: 'eof' | 'elseif' | 'else' | 'end' } {
    const nodes: Node[] = [];
    let text = '';
    const flush = (): void => {
      if (text !== '') nodes.push({ kind: 'text', text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const rest = this.src.slice(this.pos);
      if (rest.startsWith('#set(')) {
        flush();
        this.pos += 5;
        this.skipSpaces();
        const target = this.parseRef();
        this.skipSpaces();
        this.expect('=');
        const value = this.parseExpr();
        this.skipSpaces();
        this.expect(')');
        nodes.push({ kind: 'set', target, value });
      } else if (rest.startsWith('#if(')) {
        flush();
        this.pos += 3;
        nodes.push(this.parseIf());
      } else if (rest.startsWith('#elseif(')) {
        flush();
        this.pos += 7;
        return { nodes, stop: 'elseif' };
      } else if (rest.startsWith('#else')) {
        flush();
        this.pos += 5;
        return { nodes, stop: 'else' };
      } else if (rest.startsWith('#end')) {
        flush();
        this.pos += 4;
        return { nodes, stop: 'end' };
      } else if (/^\$!?[A-Za-z{]/.test(rest)) {
        flush();
        nodes.push({ kind: 'ref', ref: this.parseRef() });
      } else {
        text += this.src[this.pos];
        this.pos += 1;
      }
    }
    flush();
    return { nodes, stop: 'eof' };
  }

  private parseIf(): Node {
    const branches: { cond: Expr; body: Node[] }[] = [];
    let otherwise: Node[] = [];
    let cond = this.parseParenthesized();
    for (;;) {
      const { nodes, stop } = this.parseNodes();
      branches.push({ cond, body: nodes });
      if (stop === 'elseif') {
        cond = this.parseParenthesized();
      } else if (stop === 'else') {
        const tail = this.parseNodes();
        if (tail.stop !== 'end') throw new VtlSyntaxError('#else without #end', this.pos);
        otherwise = tail.nodes;
        break;
      } else if (stop === 'end') {
        break;
      } else {
        throw new VtlSyntaxError('#if without #end', this.pos);
      }
    }
    return { kind: 'if', branches, otherwise };
  }

  private parseParenthesized(): Expr {
    this.expect('(');
    const expr = this.parseExpr();
    this.skipSpaces();
    this.expect(')');
    return expr;
  }

  private parseExpr(): Expr {
    return this.parseBinary(['||'], () => this.parseBinary(['&&'], () => this.parseBinary(['==', '!='], () => this.parseUnary())));
  }

  private parseBinary(ops: readonly ('==' | '!=' | '||' | '&&')[], next: () => Expr): Expr {
    let left = next();
    for (;;) {
      this.skipSpaces();
      const op = ops.find((candidate) => this.src.startsWith(candidate, this.pos));
      if (op === undefined) return left;
      this.pos += op.length;
      left = { kind: 'binary', op, left, right: next() };
    }
  }

  private parseUnary(): Expr {
    this.skipSpaces();
    const c = this.src[this.pos];
    if (c === '!' && this.src[this.pos + 1] !== '=') {
      this.pos += 1;
      return { kind: 'not', operand: this.parseUnary() };
    }
    if (c === '(') return this.parseParenthesized();
    if (c === "'") {
      const end = this.src.indexOf("'", this.pos + 1);
      if (end < 0) throw new VtlSyntaxError('unterminated string', this.pos);
      const value = this.src.slice(this.pos + 1, end);
      this.pos = end + 1;
      return { kind: 'literal', value };
    }
    if (c === '"') {
      const end = this.src.indexOf('"', this.pos + 1);
      if (end < 0) throw new VtlSyntaxError('unterminated string', this.pos);
      const inner = this.src.slice(this.pos + 1, end);
      this.pos = end + 1;
      // Double-quoted strings interpolate references.
      return { kind: 'template', parts: new Parser(inner).parseTemplate() };
    }
    if (c === '$') return { kind: 'ref', ref: this.parseRef() };
    const number = /^-?\d+(\.\d+)?/.exec(this.src.slice(this.pos));
    if (number !== null) {
      this.pos += number[0].length;
      return { kind: 'literal', value: Number(number[0]) };
    }
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.src.startsWith(word, this.pos)) {
        this.pos += word.length;
        return { kind: 'literal', value };
      }
    }
    throw new VtlSyntaxError(`unexpected '${c ?? 'end'}'`, this.pos);
  }

  private parseRef(): Ref {
    const start = this.pos;
    this.expect('$');
    const quiet = this.src[this.pos] === '!';
    if (quiet) this.pos += 1;
    const braced = this.src[this.pos] === '{';
    if (braced) this.pos += 1;
    const root = this.identifier();
    const path: Ref['path'][number][] = [];
    while (this.src[this.pos] === '.' && /[A-Za-z]/.test(this.src[this.pos + 1] ?? '')) {
      this.pos += 1;
      const name = this.identifier();
      if (this.src[this.pos] === '(') {
        this.pos += 1;
        const args: Expr[] = [];
        this.skipSpaces();
        while (this.src[this.pos] !== ')') {
          if (this.pos >= this.src.length) throw new VtlSyntaxError('unterminated call', start);
          args.push(this.parseExpr());
          this.skipSpaces();
          if (this.src[this.pos] === ',') this.pos += 1;
          this.skipSpaces();
        }
        this.pos += 1;
        path.push({ kind: 'call', name, args });
      } else {
        path.push({ kind: 'prop', name });
      }
    }
    if (braced) this.expect('}');
    return { quiet, root, path, source: this.src.slice(start, this.pos) };
  }

  private identifier(): string {
    const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.src.slice(this.pos));
    if (match === null) throw new VtlSyntaxError('identifier expected', this.pos);
    this.pos += match[0].length;
    return match[0];
  }

  private skipSpaces(): void {
    while (this.src[this.pos] === ' ') this.pos += 1;
  }

  private expect(token: string): void {
    if (!this.src.startsWith(token, this.pos)) throw new VtlSyntaxError(`'${token}' expected`, this.pos);
    this.pos += token.length;
  }
}

/** Apache Commons' StringEscapeUtils.escapeJavaScript, which `$util.escapeJavaScript` is. */
export const escapeJavaScript = (value: string): string =>
  [...value]
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      const named: Record<string, string> = { '\b': '\\b', '\n': '\\n', '\t': '\\t', '\f': '\\f', '\r': '\\r', "'": "\\'", '"': '\\"', '\\': '\\\\', '/': '\\/' };
      const escaped = named[ch];
      if (escaped !== undefined) return escaped;
      const unit = (u: number): string => `\\u${u.toString(16).toUpperCase().padStart(4, '0')}`;
      if (code < 0x20 || code > 0x7f) {
        // Java strings are UTF-16: characters outside the BMP are escaped as two units.
        return code > 0xffff ? [...ch.split('')].map((part) => unit(part.charCodeAt(0))).join('') : unit(code);
      }
      return ch;
    })
    .join('');

/** A JSONPath of the form `$`, `$.a`, `$.a.b` (all the templates use). */
const select = (body: unknown, path: string): unknown => {
  if (path === '$') return body;
  if (!path.startsWith('$.')) throw new Error(`unsupported JSONPath ${path}`);
  let value: unknown = body;
  for (const key of path.slice(2).split('.')) {
    value = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
};

/** Renders a template on an input. */
export const renderVtl = (template: string, input: VtlInput): VtlResult => {
  const nodes = new Parser(template).parseTemplate();
  const responseOverride: Record<string, unknown> = {};
  const vars: Record<string, unknown> = {
    input: {
      path: (p: unknown) => select(input.body, String(p)) ?? null,
      json: (p: unknown) => JSON.stringify(select(input.body, String(p)) ?? null),
      params: (name: unknown) => input.params?.[String(name)] ?? '',
    },
    util: { escapeJavaScript: (s: unknown) => escapeJavaScript(String(s)) },
    context: { responseOverride, requestId: 'test-request-id' },
  };

  const call = (target: unknown, name: string, args: readonly unknown[]): unknown => {
    if (typeof target === 'string') {
      const [a, b] = args.map(String);
      switch (name) {
        case 'contains':
          return target.includes(a ?? '');
        case 'endsWith':
          return target.endsWith(a ?? '');
        case 'startsWith':
          return target.startsWith(a ?? '');
        case 'replaceAll':
          // Java's regex; the templates' patterns mean the same in JavaScript.
          return target.replace(new RegExp(a ?? '', 'g'), () => b ?? '');
        default:
          throw new Error(`unsupported String method ${name}`);
      }
    }
    if (target !== null && typeof target === 'object') {
      const method: unknown = (target as Record<string, unknown>)[name];
      if (typeof method === 'function') return (method as (...a: unknown[]) => unknown)(...args);
    }
    throw new Error(`cannot call ${name} on ${String(target)}`);
  };

  const resolve = (ref: Ref): unknown => {
    let value: unknown = vars[ref.root];
    for (const step of ref.path) {
      if (value === null || value === undefined) return undefined;
      value =
        step.kind === 'prop'
          ? typeof value === 'object'
            ? (value as Record<string, unknown>)[step.name]
            : undefined
          : call(value, step.name, step.args.map(evaluate));
    }
    return value;
  };

  const evaluate = (expr: Expr): unknown => {
    switch (expr.kind) {
      case 'literal':
        return expr.value;
      case 'template':
        return renderNodes(expr.parts);
      case 'ref':
        return resolve(expr.ref);
      case 'not':
        return !truthy(evaluate(expr.operand));
      case 'binary': {
        if (expr.op === '||') return truthy(evaluate(expr.left)) || truthy(evaluate(expr.right));
        if (expr.op === '&&') return truthy(evaluate(expr.left)) && truthy(evaluate(expr.right));
        const equal = String(evaluate(expr.left)) === String(evaluate(expr.right));
        return expr.op === '==' ? equal : !equal;
      }
    }
  };

  // Velocity 1.7: only null and false are false.
  const truthy = (value: unknown): boolean => value !== null && value !== undefined && value !== false;

  const renderNodes = (list: readonly Node[]): string =>
    list
      .map((node): string => {
        switch (node.kind) {
          case 'text':
            return node.text;
          case 'ref': {
            const value = resolve(node.ref);
            if (value === null || value === undefined) return node.ref.quiet ? '' : node.ref.source;
            return String(value);
          }
          case 'set': {
            const value = evaluate(node.value);
            let target: Record<string, unknown> = vars;
            const names = [node.target.root, ...node.target.path.map((step) => step.name)];
            for (const name of names.slice(0, -1)) {
              const next = target[name];
              if (next === null || typeof next !== 'object') throw new Error(`cannot set through ${name}`);
              target = next as Record<string, unknown>;
            }
            target[names[names.length - 1] ?? ''] = value;
            return '';
          }
          case 'if': {
            const branch = node.branches.find((b) => truthy(evaluate(b.cond)));
            return renderNodes(branch === undefined ? node.otherwise : branch.body);
          }
        }
      })
      .join('');

  const output = renderNodes(nodes);
  const status = responseOverride['status'];
  return { output, ...(typeof status === 'number' ? { statusOverride: status } : {}) };
};
