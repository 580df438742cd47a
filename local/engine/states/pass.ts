import { evaluateAssign, jsonPathEffectiveInput, jsonPathOutput, jsonataOutput } from '../dataflow';
import { Json } from '../json';
import { StateContext, StateResult } from '../runtime';

/** Pass: hands its input (or its Result, Parameters or Output) on, optionally assigning variables. */
export async function runPass(sc: StateContext, raw: Json): Promise<StateResult> {
  const { state } = sc;
  if (sc.language === 'JSONata') {
    const assigned = await evaluateAssign(sc, state.Assign, raw, { input: raw });
    const output = await jsonataOutput(sc, state.Output, raw, { input: raw });
    return { output, next: state.Next, assigned };
  }
  const { effective } = jsonPathEffectiveInput(sc, raw, state.Parameters);
  const result = state.Result !== undefined ? state.Result : effective;
  const { output } = jsonPathOutput(sc, raw, result, false);
  const assigned = await evaluateAssign(sc, state.Assign, result, { input: raw });
  return { output, next: state.Next, assigned };
}
