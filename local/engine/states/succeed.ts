import { evaluateAssign, jsonPathEffectiveInput, jsonPathOutputPath, jsonataOutput } from '../dataflow';
import { Json } from '../json';
import { StateContext, StateResult } from '../runtime';

/** Succeed: ends its scope successfully with its (filtered) input. */
export async function runSucceed(sc: StateContext, raw: Json): Promise<StateResult> {
  if (sc.language === 'JSONata') {
    return { output: await jsonataOutput(sc, sc.state.Output, raw, { input: raw }) };
  }
  const { filtered } = jsonPathEffectiveInput(sc, raw, undefined);
  const assigned = await evaluateAssign(sc, sc.state.Assign, filtered, { input: raw });
  return { output: jsonPathOutputPath(sc, filtered), assigned };
}
