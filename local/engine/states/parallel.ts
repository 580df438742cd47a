import { evaluateAssign, jsonPathEffectiveInput, jsonPathOutput, jsonataOutput, jsonataScope } from '../dataflow';
import { Json } from '../json';
import { evaluateJsonataTemplate } from '../jsonata/evaluate';
import { StateContext, StateResult } from '../runtime';
import { ScopeRunner, childFrame, isAbort, linkedAbort, markScopeFailure } from './scopes';

/**
 * Runs every branch on the same input, concurrently; the first failure stops the others and
 * fails the state with that branch's error.
 */
async function runBranches(sc: StateContext, input: Json, runScope: ScopeRunner): Promise<Json[]> {
  const branches = sc.state.Branches ?? [];
  const laneKey = sc.runtime.history.nextKey(sc.lane);
  const startedId = sc.event('ParallelStateStarted');
  const { controller, unlink } = linkedAbort(sc.signal);
  let failure: unknown;
  const settled = await Promise.allSettled(
    branches.map((branch, i) =>
      runScope(sc.runtime, childFrame(sc, branch, `${laneKey}/b${i}`, controller, startedId), branch.StartAt, input).catch((e: unknown) => {
        if (failure === undefined && !isAbort(e)) {
          failure = e;
          controller.cancel();
        }
        throw e;
      }),
    ),
  );
  unlink();
  if (failure === undefined && sc.signal.aborted) throw settled.find((s) => s.status === 'rejected')?.reason;
  if (failure !== undefined) throw markScopeFailure(failure);
  sc.event('ParallelStateSucceeded');
  return settled.map((s) => (s as PromiseFulfilledResult<Json>).value);
}

/** Parallel: its branches' outputs, as an array, become its result. */
export async function runParallel(sc: StateContext, raw: Json, runScope: ScopeRunner): Promise<StateResult> {
  const { state } = sc;
  if (sc.language === 'JSONata') {
    const input = state.Arguments === undefined ? raw : await evaluateJsonataTemplate(state.Arguments, jsonataScope(sc, raw), sc.ref, 'Arguments');
    const result = await runBranches(sc, input, runScope);
    const scope = { input: raw, result };
    const assigned = await evaluateAssign(sc, state.Assign, result, scope);
    return { output: await jsonataOutput(sc, state.Output, result, scope), next: state.Next, assigned };
  }
  const { effective } = jsonPathEffectiveInput(sc, raw, state.Parameters);
  const result = await runBranches(sc, effective, runScope);
  const { selected, output } = jsonPathOutput(sc, raw, result);
  const assigned = await evaluateAssign(sc, state.Assign, selected, { input: raw, result });
  return { output, next: state.Next, assigned };
}
