import { evaluateAssign, jsonPathEffectiveInput, jsonPathOutput, jsonataOutput, jsonataScope } from '../dataflow';
import { Cancellation } from '../cancellation';
import { Json } from '../json';
import { evaluateJsonataTemplate } from '../jsonata/evaluate';
import { StateContext, StateResult } from '../runtime';
import { ScopeRunner, childFrame, isAbort, markScopeFailure } from './scopes';

/**
 * Runs every branch on the same input, concurrently; the first failure stops the others and
 * fails the state with that branch's error.
 */
function runBranches(sc: StateContext, input: Json, runScope: ScopeRunner): Promise<Json[]> {
  const branches = sc.state.Branches ?? [];
  const laneKey = sc.runtime.history.nextKey(sc.lane);
  const startedId = sc.event('ParallelStateStarted');
  const controller = sc.signal.child(); // also cancels when the state's scope does
  return new Promise<Json[]>((resolve, reject) => {
    const join = new BranchJoin(sc, controller, branches.length, resolve, reject);
    for (let i = 0; i < branches.length; i++) {
      const branch = branches[i];
      runScope(sc.runtime, childFrame(sc, branch, `${laneKey}/b${i}`, controller, startedId), branch.StartAt, input).then(
        (output) => join.fulfilled(i, output),
        (e: unknown) => join.rejected(i, e),
      );
    }
    if (branches.length === 0) join.end();
  });
}

/** Waits for every branch of a Parallel state (an object with callbacks: one promise for the whole join). */
class BranchJoin {
  private readonly outputs: Json[];
  private pending: number;
  /** The first failure in time: it cancels the other branches and fails the state. */
  private failure: unknown;
  /** The rejection of the first branch (in order) that rejected, as Promise.allSettled would find it. */
  private firstRejected: number;
  private firstReason: unknown;

  public constructor(
    private readonly sc: StateContext,
    private readonly controller: Cancellation,
    count: number,
    private readonly resolve: (outputs: Json[]) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    this.outputs = new Array<Json>(count);
    this.pending = count;
    this.firstRejected = count;
  }

  public fulfilled(branch: number, output: Json): void {
    this.outputs[branch] = output;
    if (--this.pending === 0) this.end();
  }

  public rejected(branch: number, e: unknown): void {
    if (this.failure === undefined && !isAbort(e)) {
      this.failure = e;
      this.controller.cancel();
    }
    if (branch < this.firstRejected) {
      this.firstRejected = branch;
      this.firstReason = e;
    }
    if (--this.pending === 0) this.end();
  }

  /** Every branch has ended: the outputs, or why the state fails. */
  public end(): void {
    this.controller.release();
    if (this.failure === undefined && this.sc.signal.aborted) this.reject(this.firstReason);
    else if (this.failure !== undefined) this.reject(markScopeFailure(this.failure));
    else {
      this.sc.event('ParallelStateSucceeded');
      this.resolve(this.outputs);
    }
  }
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
