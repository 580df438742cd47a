import { PathNotFoundError } from './errors';
import { testFilter } from './filter';
import { CompiledPath, PathToken, canonicalPath, compilePath, tokenFragment } from './syntax';

/*
 * Evaluation of a compiled path over a document, following Jayway JsonPath with its default
 * options (what AWS Step Functions runs): a definite path returns its one node or fails with
 * Jayway's message; an indefinite path returns the list of every match, possibly empty, and never
 * fails on a missing property or a node of the wrong kind.
 */

/** What a path selected. */
export type Selection = { readonly definite: true; readonly value: unknown } | { readonly definite: false; readonly values: unknown[] };

interface Walk {
  readonly path: CompiledPath;
  readonly root: unknown;
  /**
   * Whether a step that meets a missing property or the wrong kind of node fails. Only definite
   * paths fail: AWS reads an indefinite path that runs into nothing as an empty list
   * (`$.item.items[1:5]` over `{}` gives `[]`).
   */
  readonly strict: boolean;
  readonly results: unknown[];
}

/**
 * Applies the tokens of `path` (its root already resolved to `document`).
 *
 * @throws PathNotFoundError when a definite path selects nothing, or a step meets the wrong kind
 *   of node; the message is Jayway's, e.g. "No results for path: $['a']".
 */
export function selectPath(path: CompiledPath, document: unknown): Selection {
  const walk: Walk = { path, root: document, strict: path.definite, results: [] };
  step(walk, 0, '$', document);
  if (!path.definite) return { definite: false, values: walk.results };
  if (walk.results.length === 0) {
    throw new PathNotFoundError(path.text, `No results for path: ${canonicalPath(path.tokens)}`);
  }
  return { definite: true, value: walk.results[0] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOwn(value: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

/** Java's name for a node's class, as Jayway's messages print it. */
function javaClassName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'java.lang.String';
  if (typeof value === 'boolean') return 'java.lang.Boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'java.lang.Integer' : 'java.lang.Double';
  if (Array.isArray(value)) return 'net.minidev.json.JSONArray';
  return 'java.util.LinkedHashMap';
}

/** Hands a node to the next token, or keeps it when `i` is the leaf. */
function next(walk: Walk, i: number, currentPath: string, value: unknown): void {
  if (i === walk.path.tokens.length - 1) walk.results.push(value);
  else step(walk, i + 1, currentPath, value);
}

function step(walk: Walk, i: number, currentPath: string, model: unknown): void {
  if (i >= walk.path.tokens.length) {
    walk.results.push(model);
    return;
  }
  const token = walk.path.tokens[i];
  switch (token.kind) {
    case 'property':
      return stepProperty(walk, i, token.names, currentPath, model);
    case 'index':
      if (!checkArray(walk, token, currentPath, model)) return;
      for (const index of token.indexes) stepIndex(walk, i, index, currentPath, model);
      return;
    case 'slice': {
      if (!checkArray(walk, token, currentPath, model)) return;
      const length = model.length;
      const clamp = (n: number): number => Math.max(0, Math.min(length, n < 0 ? length + n : n));
      const from = token.from === undefined ? 0 : clamp(token.from);
      const to = token.to === undefined ? length : clamp(token.to);
      for (let k = from; k < to; k += 1) stepIndex(walk, i, k, currentPath, model);
      return;
    }
    case 'wildcard':
      if (isObject(model)) {
        for (const key of Object.keys(model)) next(walk, i, `${currentPath}['${key}']`, model[key]);
      } else if (Array.isArray(model)) {
        for (let k = 0; k < model.length; k += 1) stepIndex(walk, i, k, currentPath, model);
      }
      return;
    case 'scan':
      return scan(walk, i, currentPath, model);
    case 'filter':
      if (isObject(model)) {
        if (accepts(walk, token, model)) next(walk, i, currentPath, model);
      } else if (Array.isArray(model)) {
        model.forEach((item, k) => {
          if (accepts(walk, token, item)) next(walk, i, `${currentPath}[${k}]`, item);
        });
      } else if (walk.strict) {
        throw new PathNotFoundError(
          walk.path.text,
          `Filter: ${tokenFragment(token)} can not be applied to primitives. Current context is: ${JSON.stringify(model) ?? 'null'}`,
        );
      }
      return;
    case 'function':
      throw new PathNotFoundError(walk.path.text, `Function ${token.name}() is not supported: ${walk.path.text}`);
  }
}

function stepProperty(walk: Walk, i: number, names: readonly string[], currentPath: string, model: unknown): void {
  const token = walk.path.tokens[i];
  const isLeaf = i === walk.path.tokens.length - 1;
  if (!isObject(model)) {
    if (!walk.strict) return;
    throw new PathNotFoundError(
      walk.path.text,
      `Expected to find an object with property ${tokenFragment(token)} in path ${currentPath} but found '${javaClassName(model)}'. ` +
        "This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JsonSmartJsonProvider'.",
    );
  }
  if (names.length > 1) {
    const evalPath = `${currentPath}[${names.map((n) => `'${n}'`).join(', ')}]`;
    if (!isLeaf) throw new PathNotFoundError(walk.path.text, `Multi properties can only be used as path leafs: ${evalPath}`);
    const merged: Record<string, unknown> = {};
    for (const name of names) if (hasOwn(model, name)) merged[name] = model[name];
    walk.results.push(merged);
    return;
  }
  const name = names[0];
  const evalPath = `${currentPath}['${name}']`;
  if (!hasOwn(model, name)) {
    if (isLeaf) return;
    if (walk.strict) throw new PathNotFoundError(walk.path.text, `Missing property in path ${evalPath}`);
    return;
  }
  next(walk, i, evalPath, model[name]);
}

function checkArray(walk: Walk, token: PathToken, currentPath: string, model: unknown): model is unknown[] {
  if (Array.isArray(model)) return true;
  if (!walk.strict) return false;
  if (model === null || model === undefined) throw new PathNotFoundError(walk.path.text, `The path ${currentPath} is null`);
  throw new PathNotFoundError(
    walk.path.text,
    `Filter: ${tokenFragment(token)} can only be applied to arrays. Current context is: ${JSON.stringify(model)}`,
  );
}

function stepIndex(walk: Walk, i: number, index: number, currentPath: string, model: unknown[]): void {
  const effective = index < 0 ? model.length + index : index;
  if (effective < 0 || effective >= model.length) return;
  next(walk, i, `${currentPath}[${index}]`, model[effective]);
}

/**
 * `..`: applies the token after the scan to the node and to every node beneath it, parents
 * before children, as Jayway's deep scan walks.
 */
function scan(walk: Walk, i: number, currentPath: string, model: unknown): void {
  const target = walk.path.tokens[i + 1];
  if (target === undefined) return;
  const applies =
    target.kind === 'property' ? isObject(model)
    : target.kind === 'index' || target.kind === 'slice' ? Array.isArray(model)
    : target.kind === 'filter' ? isObject(model)
    : isObject(model) || Array.isArray(model);
  if (applies) step(walk, i + 1, currentPath, model);
  if (isObject(model)) {
    for (const key of Object.keys(model)) scan(walk, i, `${currentPath}['${key}']`, model[key]);
  } else if (Array.isArray(model)) {
    model.forEach((item, k) => scan(walk, i, `${currentPath}[${k}]`, item));
  }
}

function accepts(walk: Walk, token: Extract<PathToken, { kind: 'filter' }>, item: unknown): boolean {
  return testFilter(token.expression, item, walk.root, (path, document) => {
    try {
      const selection = selectPath(compilePath(path), document);
      if (selection.definite) return { found: true, value: selection.value };
      return { found: selection.values.length > 0, value: selection.values };
    } catch (error) {
      if (error instanceof PathNotFoundError) return { found: false, value: undefined };
      throw error;
    }
  });
}
