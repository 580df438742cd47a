import * as dataflowModule from '../dataflow';
import { jsonataOutput } from '../dataflow';
import { Json } from '../json';
import { StateContext, StateResult } from '../runtime';

// Bound once at load: under tsx (esbuild) every use of a named import is a call to a getter.
const { jsonPathAssign, jsonPathInput, jsonPathOutputPath } = dataflowModule;

/** Succeed: ends its scope successfully with its (filtered) input. */
export async function runSucceed(sc: StateContext, raw: Json): Promise<StateResult> {
  if (sc.language === 'JSONata') {
    return { output: await jsonataOutput(sc, sc.state.Output, raw, { input: raw }) };
  }
  return runSucceedJsonPath(sc, raw);
}

/** Succeed in JSONPath, which needs no await: the interpreter runs it synchronously. */
export function runSucceedJsonPath(sc: StateContext, raw: Json): StateResult {
  const filtered = jsonPathInput(sc, raw);
  const assigned = jsonPathAssign(sc, sc.state.Assign, filtered);
  return { output: jsonPathOutputPath(sc, filtered), assigned };
}
