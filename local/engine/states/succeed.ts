import { jsonPathAssign, jsonPathEffectiveInput, jsonPathOutputPath, jsonataOutput } from '../dataflow';
import { Json } from '../json';
import { StateContext, StateResult } from '../runtime';

/** Succeed: ends its scope successfully with its (filtered) input. */
export async function runSucceed(sc: StateContext, raw: Json): Promise<StateResult> {
  if (sc.language === 'JSONata') {
    return { output: await jsonataOutput(sc, sc.state.Output, raw, { input: raw }) };
  }
  return runSucceedJsonPath(sc, raw);
}

/** Succeed in JSONPath, which needs no await: the interpreter runs it synchronously. */
export function runSucceedJsonPath(sc: StateContext, raw: Json): StateResult {
  const { filtered } = jsonPathEffectiveInput(sc, raw, undefined);
  const assigned = jsonPathAssign(sc, sc.state.Assign, filtered);
  return { output: jsonPathOutputPath(sc, filtered), assigned };
}
