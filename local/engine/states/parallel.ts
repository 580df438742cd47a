import * as dataflowModule from '../dataflow';
import { evaluateAssign, jsonataOutput, jsonataScope } from '../dataflow';
import { Cancellation } from '../cancellation';
import { Json } from '../json';
import { evaluateJsonataTemplate } from '../jsonata/evaluate';
import { StateContext, StateResult } from '../runtime';
import * as scopesModule from './scopes';
import { ScopeRunner, markScopeFailure } from './scopes';

// Bound once at load: under tsx (esbuild) every use of a named import is a call to a getter.
const { jsonPathAssign, jsonPathInput, jsonPathParameters, jsonPathPlaceResult, jsonPathResultSelector } = dataflowModule;
const { childFrame, isAbort, redriveCarried } = scopesModule;

/**
 * Runs every branch on the same input, concurrently; the first failure stops the others and
 * fails the state with that branch's error.
 */
function runBranches(sc: StateContext, input: Json, runScope: ScopeRunner, now?: number): Promise<Json[]> {
  const branches = sc.state.Branches ?? [];
  const laneKey = sc.runtime.history.nextKey(sc.lane);
  const startedId = sc.runtime.history.add(sc.lane, 'ParallelStateStarted', undefined, now);
  const controller = sc.signal.child(); // also cancels when the state's scope does
  const join = new BranchJoin(sc, controller, branches.length);
  const joined = join.promise();
  const carried = redriveCarried(sc);
  for (let i = 0; i < branches.length; i++) {
    if (carried?.has(i)) {
      join.fulfilled(i, carried.get(i)!);
      continue;
    }
    const branch = branches[i];
    runScope(sc.runtime, childFrame(sc, branch, branchLaneKey(laneKey, i), controller, startedId), branch.StartAt, input).then(
      (output) => join.fulfilled(i, output),
      (e: unknown) => join.rejected(i, e),
    );
  }
  if (branches.length === 0) join.end();
  return joined;
}

const branchKeys = new Map<string, string[]>();

/**
 * `laneKey/b<index>`, the lane of a branch, made once: every execution of a definition runs its
 * branches on the same lanes, and a lane's key is looked up for every event recorded on it.
 */
function branchLaneKey(laneKey: string, index: number): string {
  let keys = branchKeys.get(laneKey);
  if (keys === undefined) {
    if (branchKeys.size >= 10_000) branchKeys.clear();
    keys = [];
    branchKeys.set(laneKey, keys);
  }
  return (keys[index] ??= `${laneKey}/b${index}`);
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

  private resolve: (outputs: Json[]) => void = noop;
  private reject: (error: unknown) => void = noop;

  public constructor(
    private readonly sc: StateContext,
    private readonly controller: Cancellation,
    count: number,
  ) {
    this.outputs = new Array<Json>(count);
    this.pending = count;
    this.firstRejected = count;
  }

  /** The join's promise (made once). */
  public promise(): Promise<Json[]> {
    BranchJoin.capturing = this;
    return new Promise<Json[]>(BranchJoin.captureSettlers);
  }

  /** The join whose promise is being made (see captureSettlers). */
  private static capturing: BranchJoin | undefined;

  /** A promise's executor that is not a closure made per join: it hands the settlers to `capturing`. */
  private static captureSettlers(this: void, resolve: (outputs: Json[]) => void, reject: (error: unknown) => void): void {
    const join = BranchJoin.capturing!;
    BranchJoin.capturing = undefined;
    join.resolve = resolve;
    join.reject = reject;
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
export function runParallel(sc: StateContext, raw: Json, runScope: ScopeRunner): Promise<StateResult> {
  if (sc.language === 'JSONata') return runParallelJsonata(sc, raw, runScope);
  // Not an async function (one promise and one suspended frame less), failing as one would.
  const { state } = sc;
  let branches: Promise<Json[]>;
  try {
    const effective = jsonPathParameters(sc, jsonPathInput(sc, raw), state.Parameters);
    // The first attempt gets here without awaiting since the state entered: its branches start then.
    branches = runBranches(sc, effective, runScope, sc.retryCount === 0 ? sc.enteredAt : undefined);
  } catch (e) {
    return Promise.reject(e);
  }
  return branches.then((result) => {
    const selected = jsonPathResultSelector(sc, result);
    const output = jsonPathPlaceResult(sc, raw, selected);
    return { output, next: state.Next, assigned: jsonPathAssign(sc, state.Assign, selected) };
  });
}

async function runParallelJsonata(sc: StateContext, raw: Json, runScope: ScopeRunner): Promise<StateResult> {
  const { state } = sc;
  const input = state.Arguments === undefined ? raw : await evaluateJsonataTemplate(state.Arguments, jsonataScope(sc, raw), sc.ref, 'Arguments');
  const result = await runBranches(sc, input, runScope);
  const scope = { input: raw, result };
  const assigned = await evaluateAssign(sc, state.Assign, result, scope);
  return { output: await jsonataOutput(sc, state.Output, result, scope), next: state.Next, assigned };
}

function noop(): void {}
