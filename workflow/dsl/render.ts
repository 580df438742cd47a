import type { JsonPathCatcher, JsonPathChoiceRule, JsonPathStateMachineDefinition, State, SubMachine } from '../asl';
import type { Analysis, Scope } from './diagnostics';
import type { StateNode } from './graph';

/** Turns a task function's logical name into the Task's `Resource` (a Lambda ARN, a local ARN). */
export type ResourceResolver<Fn extends string = string> = (fn: Fn) => string;

/** Definition-level fields. */
export interface DefinitionOptions {
  readonly comment?: string;
  readonly timeoutSeconds?: number;
}

/** Renders an analysed, problem-free graph as ASL JSON. */
export function renderDefinition(
  analysis: Analysis,
  start: StateNode,
  resolveResource: ResourceResolver,
  options: DefinitionOptions = {},
): JsonPathStateMachineDefinition {
  const root = renderScope(scopeOf(analysis, start), analysis, resolveResource);
  return {
    ...(options.comment !== undefined && { Comment: options.comment }),
    StartAt: root.StartAt,
    States: root.States,
    ...(options.timeoutSeconds !== undefined && { TimeoutSeconds: options.timeoutSeconds }),
  };
}

function scopeOf(analysis: Analysis, start: StateNode): Scope {
  const resolved = analysis.resolve(start);
  const scope = resolved && analysis.scopes.get(resolved);
  if (scope === undefined) throw new Error(`No scope starts at ${start.name}: render only graphs that analyse clean`);
  return scope;
}

function renderScope(scope: Scope, analysis: Analysis, resolveResource: ResourceResolver): SubMachine {
  const states: { [name: string]: State } = {};
  for (const node of scope.states) states[node.name] = renderState(node, analysis, resolveResource);
  return { StartAt: scope.start.name, States: states };
}

function renderState(node: StateNode, analysis: Analysis, resolveResource: ResourceResolver): State {
  const name = (target: StateNode): string => (analysis.resolve(target) ?? target).name;
  const state: { [field: string]: unknown } = { Type: node.kind };
  if (node.taskFunction !== undefined) state.Resource = resolveResource(node.taskFunction);
  Object.assign(state, node.fields);
  if (node.kind === 'Choice') {
    state.Choices = node.choices.map((c): JsonPathChoiceRule => ({ ...c.expression, Next: name(c.target) }) as JsonPathChoiceRule);
    if (node.default !== undefined) state.Default = name(node.default);
  }
  if (node.kind === 'Parallel') {
    state.Branches = node.branches.map((b) => renderScope(scopeOf(analysis, b), analysis, resolveResource));
  }
  if (node.kind === 'Map') {
    state.ItemProcessor = {
      ...(node.processorConfig !== undefined && { ProcessorConfig: node.processorConfig }),
      ...renderScope(scopeOf(analysis, node.branches[0] as StateNode), analysis, resolveResource),
    };
  }
  if (node.retriers.length > 0) state.Retry = node.retriers.map((r) => ({ ...r }));
  if (node.catchers.length > 0) {
    state.Catch = node.catchers.map(
      (c): JsonPathCatcher => ({
        ErrorEquals: [...c.errors],
        Next: name(c.target),
        ...(c.resultPath !== undefined && { ResultPath: c.resultPath }),
      }),
    );
  }
  if (node.continues) {
    if (node.next !== undefined) state.Next = name(node.next);
    else state.End = true;
  }
  // The typed factories only produce field combinations the ASL model allows (a Task's
  // fields come from TaskOptions, ...); the asl-validator test checks the rendered JSON.
  return state as unknown as State;
}
