import type { CatchEdge, StateNode } from './graph';
import type { Retrier } from '../asl';

/** What is wrong with a workflow graph. */
export type DiagnosticCode =
  | 'DUPLICATE_STATE_NAME'
  | 'STATE_REUSED'
  | 'DANGLING_NEXT'
  | 'UNREACHABLE_STATE'
  | 'NO_PATH_TO_END'
  | 'CHOICE_WITHOUT_RULES'
  | 'STATES_ALL_NOT_ALONE'
  | 'STATES_ALL_NOT_LAST'
  | 'PARALLEL_WITHOUT_BRANCHES';

/** One problem, naming the state it is about. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly state: string;
  readonly message: string;
}

/** The states of one `States` object (the machine, a Parallel branch, a Map processor), in visit order. */
export interface Scope {
  readonly start: StateNode;
  readonly states: readonly StateNode[];
}

/** The result of analysing a graph: its scopes (the first is the machine) and its problems. */
export interface Analysis {
  readonly scopes: ReadonlyMap<StateNode, Scope>;
  readonly resolve: (node: StateNode) => StateNode | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Analyses the graph from `start`. `registered` are all the states the workflow created, so
 * that states never reached, and names given twice, are found.
 */
export function analyze(start: StateNode, registered: readonly StateNode[]): Analysis {
  const diagnostics: Diagnostic[] = [];
  const report = (code: DiagnosticCode, state: string, message: string) => diagnostics.push({ code, state, message });

  const concrete = registered.filter((n) => n.kind !== 'Ref');
  const byName = new Map<string, StateNode[]>();
  for (const node of concrete) byName.set(node.name, [...(byName.get(node.name) ?? []), node]);
  for (const [name, nodes] of byName) {
    if (nodes.length > 1) report('DUPLICATE_STATE_NAME', name, `${nodes.length} different states are named ${name}`);
  }

  const resolve = (node: StateNode): StateNode | undefined => (node.kind === 'Ref' ? byName.get(node.name)?.[0] : node);
  /** Successors, `undefined` for a dangling reference. */
  const successors = (node: StateNode, withCatches: boolean): (StateNode | undefined)[] => {
    const targets = [node.next, ...node.choices.map((c) => c.target), node.default, ...(withCatches ? node.catchers.map((c) => c.target) : [])];
    return targets.filter((t): t is StateNode => t !== undefined).map(resolve);
  };

  const scopes = new Map<StateNode, Scope>();
  const owner = new Map<StateNode, StateNode>();
  const reused = new Set<StateNode>();
  const pending: StateNode[] = [];
  const rootStart = resolve(start);
  if (rootStart === undefined) report('DANGLING_NEXT', start.name, `StartAt names ${start.name}, which does not exist`);
  else pending.push(rootStart);

  while (pending.length > 0) {
    const scopeStart = pending.shift() as StateNode;
    if (scopes.has(scopeStart) || owner.has(scopeStart)) {
      if (!reused.has(scopeStart)) {
        report('STATE_REUSED', scopeStart.name, `${scopeStart.name} is used in two places: it starts more than one branch, or a branch and another flow`);
        reused.add(scopeStart);
      }
      continue;
    }
    const states: StateNode[] = [];
    // Depth-first, Next before Choice rules, Default and Catch: the happy path reads first.
    const stack = [scopeStart];
    const seen = new Set<StateNode>();
    while (stack.length > 0) {
      const node = stack.pop() as StateNode;
      if (seen.has(node)) continue;
      seen.add(node);
      const first = owner.get(node);
      if (first !== undefined && first !== scopeStart) {
        if (!reused.has(node)) {
          report('STATE_REUSED', node.name, `${node.name} is used in two places: the scopes starting at ${first.name} and ${scopeStart.name}`);
          reused.add(node);
        }
        continue;
      }
      owner.set(node, scopeStart);
      states.push(node);
      for (const target of [node.next, ...node.choices.map((c) => c.target), node.default, ...node.catchers.map((c) => c.target)]) {
        if (target?.kind === 'Ref' && resolve(target) === undefined) {
          report('DANGLING_NEXT', node.name, `${node.name} goes to ${target.name}, which does not exist`);
        }
      }
      stack.push(...successors(node, true).filter((t): t is StateNode => t !== undefined && !seen.has(t)).reverse());
      pending.push(...node.branches.flatMap((b) => resolve(b) ?? []));
    }
    scopes.set(scopeStart, { start: scopeStart, states });
    checkEnds(states, (n) => successors(n, false), report);
  }

  for (const node of concrete) {
    if (!owner.has(node)) report('UNREACHABLE_STATE', node.name, `${node.name} cannot be reached from the start state`);
    checkState(node, report);
  }
  return { scopes, resolve, diagnostics };
}

/**
 * Every state of a scope must have a path (not through Catch) to a terminal state. A dangling
 * or reused target is already reported: it counts as an end, so as not to report twice.
 */
function checkEnds(
  states: readonly StateNode[],
  successors: (node: StateNode) => (StateNode | undefined)[],
  report: (code: DiagnosticCode, state: string, message: string) => void,
): void {
  const inScope = new Set(states);
  const canEnd = new Set(states.filter((n) => n.terminal));
  const ends = (target: StateNode | undefined) => target === undefined || !inScope.has(target) || canEnd.has(target);
  for (let grew = true; grew; ) {
    grew = false;
    for (const node of states) {
      if (!canEnd.has(node) && successors(node).some(ends)) {
        canEnd.add(node);
        grew = true;
      }
    }
  }
  for (const node of states) {
    if (!canEnd.has(node)) report('NO_PATH_TO_END', node.name, `No path leads from ${node.name} to a terminal state`);
  }
}

/** Checks that concern one state alone. */
function checkState(node: StateNode, report: (code: DiagnosticCode, state: string, message: string) => void): void {
  if (node.kind === 'Choice' && node.choices.length === 0) {
    report('CHOICE_WITHOUT_RULES', node.name, `Choice ${node.name} has no rules`);
  }
  if (node.kind === 'Parallel' && node.branches.length === 0) {
    report('PARALLEL_WITHOUT_BRANCHES', node.name, `Parallel ${node.name} has no branches`);
  }
  checkStatesAll(node.name, 'Retry', node.retriers, report);
  checkStatesAll(node.name, 'Catch', node.catchers.map(asErrorList), report);
}

const asErrorList = (c: CatchEdge): Pick<Retrier, 'ErrorEquals'> => ({ ErrorEquals: c.errors });

/** `States.ALL` must be the only name of its entry, and that entry the last. */
function checkStatesAll(
  state: string,
  field: 'Retry' | 'Catch',
  entries: readonly Pick<Retrier, 'ErrorEquals'>[],
  report: (code: DiagnosticCode, state: string, message: string) => void,
): void {
  entries.forEach((entry, index) => {
    if (!entry.ErrorEquals.includes('States.ALL')) return;
    if (entry.ErrorEquals.length > 1) {
      report('STATES_ALL_NOT_ALONE', state, `${state}: ${field}[${index}] lists States.ALL with other errors`);
    }
    if (index !== entries.length - 1) {
      report('STATES_ALL_NOT_LAST', state, `${state}: ${field}[${index}] has States.ALL but is not the last entry`);
    }
  });
}
