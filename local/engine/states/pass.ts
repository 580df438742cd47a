import * as dataflowModule from '../dataflow';
import { evaluateAssign, jsonataOutput } from '../dataflow';
import { Json, cloneJson } from '../json';
import { StateContext, StateResult } from '../runtime';

// Bound once at load: under tsx (esbuild) every use of a named import is a call to a getter.
const { jsonPathAssign, jsonPathEffectiveInput, jsonPathOutput } = dataflowModule;

/** Pass: hands its input (or its Result, Parameters or Output) on, optionally assigning variables. */
export async function runPass(sc: StateContext, raw: Json): Promise<StateResult> {
  const { state } = sc;
  if (sc.language === 'JSONata') {
    const assigned = await evaluateAssign(sc, state.Assign, raw, { input: raw });
    const output = await jsonataOutput(sc, state.Output, raw, { input: raw });
    return { output, next: state.Next, assigned };
  }
  return runPassJsonPath(sc, raw);
}

/** Pass in JSONPath, which needs no await: the interpreter runs it synchronously. */
export function runPassJsonPath(sc: StateContext, raw: Json): StateResult {
  const { state } = sc;
  const { effective } = jsonPathEffectiveInput(sc, raw, state.Parameters);
  // A copy of Result: the definition's own value must not become state data anyone could change.
  const result = state.Result !== undefined ? cloneJson(state.Result) : effective;
  const { output } = jsonPathOutput(sc, raw, result, false);
  const assigned = jsonPathAssign(sc, state.Assign, result);
  return { output, next: state.Next, assigned };
}
