import * as intrinsicsModule from '../intrinsics';
import { evaluateIntrinsic } from '../intrinsics';
import { fieldPathNotFound, invalidFieldValue, invalidPath } from './causes';
import { JsonPathSyntaxError, PathNotFoundError } from './errors';
import * as readPathModule from './readPath';
import { PathScope, readPath, rootDocument } from './readPath';
import { compilePath } from './syntax';

// Bound once at load: under tsx (esbuild) every use of a named import is a call to a getter.
const { selectNode } = readPathModule;
const { isIntrinsicCall } = intrinsicsModule;

/**
 * Evaluates a JSONPath-mode payload template (Parameters, ResultSelector, ItemSelector, and the
 * Assign of a JSONPath state): a key ending in `.$` loses the suffix and takes the value of its
 * path (`$...`), context path (`$$...`), variable (`$name...`) or intrinsic call (`States.*`);
 * nested objects and arrays are evaluated the same way; every other value is copied as is.
 *
 * @example evaluatePayloadTemplate({ 'id.$': '$.order.id', fixed: 1 }, scope) // { id: 'o-1', fixed: 1 }
 * @throws StatesError States.Runtime, with AWS's cause, when a path selects nothing
 *   ("The JSONPath '$.x' specified for the field 'y.$' could not be found in the input '{...}'")
 *   or an intrinsic call fails.
 */
export function evaluatePayloadTemplate(template: unknown, scope: PathScope): unknown {
  if (Array.isArray(template)) return template.map((item) => evaluatePayloadTemplate(item, scope));
  if (typeof template !== 'object' || template === null) return template;
  const out: Record<string, unknown> = {};
  const fields = template as Record<string, unknown>;
  for (const key in fields) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) continue;
    const value = fields[key];
    if (key.endsWith('.$') && key.length > 2) {
      out[outputName(key)] = evaluateDynamicField(key, value, scope);
    } else {
      out[key] = evaluatePayloadTemplate(value, scope);
    }
  }
  return out;
}

const outputNames = new Map<string, string>();

/** `name.$` → `name`, remembered: the same templates are evaluated again and again. */
function outputName(key: string): string {
  let name = outputNames.get(key);
  if (name === undefined) {
    name = key.slice(0, -2);
    if (outputNames.size > 10_000) outputNames.clear();
    outputNames.set(key, name);
  }
  return name;
}

/**
 * The value of one `.$` field.
 *
 * @param fieldName the key as written, e.g. `greeting.$`, which AWS names in its causes.
 */
export function evaluateDynamicField(fieldName: string, expression: unknown, scope: PathScope): unknown {
  if (typeof expression !== 'string') throw invalidFieldValue(fieldName, expression);
  if (isIntrinsicCall(expression)) {
    return evaluateIntrinsic(expression, {
      fieldName,
      resolvePath: (path) => readFieldPath(path, fieldName, scope),
    });
  }
  if (expression.trim().startsWith('$')) return readFieldPath(expression, fieldName, scope, false);
  throw invalidFieldValue(fieldName, expression);
}

/**
 * Reads the path of a `.$` field (or of an intrinsic argument inside it), turning a miss into
 * AWS's States.Runtime error that names the field and prints the document the path read.
 * `copy: false` gives the node itself, shared with the document: for the engine, which never
 * changes its state data in place (a template's output shares nodes with its input, as the
 * output of ResultPath does).
 */
export function readFieldPath(path: string, fieldName: string, scope: PathScope, copy = true): unknown {
  try {
    return copy ? readPath(path, scope) : selectNode(path, scope);
  } catch (error) {
    if (error instanceof PathNotFoundError) throw fieldPathNotFound(path, fieldName, documentOf(path, scope));
    if (error instanceof JsonPathSyntaxError) throw invalidPath(path, error.message);
    throw error;
  }
}

function documentOf(path: string, scope: PathScope): unknown {
  try {
    return rootDocument(compilePath(path), scope);
  } catch {
    return null;
  }
}
