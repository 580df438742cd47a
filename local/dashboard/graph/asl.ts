/**
 * The shape of an ASL definition the dashboard draws: states and the transitions between them
 * (Next, Choice targets, Default, Catch), with Parallel branches and Map item processors
 * nested. Read from the definition's JSON without the engine, so that any ASL can be drawn.
 */

/** A transition's kind, drawn differently. */
export type TransitionKind = 'next' | 'choice' | 'default' | 'catch';

/** A transition out of a state. */
export interface Transition {
  readonly to: string;
  readonly kind: TransitionKind;
}

/** One state, as drawn. */
export interface GraphState {
  readonly name: string;
  readonly type: string;
  readonly end: boolean;
  readonly transitions: readonly Transition[];
  /** A Parallel's branches, or a Map's item processor (one). */
  readonly children: readonly StateGraph[];
  /** A Fail state's ErrorPath. */
  readonly errorPath?: string;
}

/** A state machine, or one branch of it. */
export interface StateGraph {
  readonly startAt: string;
  readonly states: readonly GraphState[];
}

/** The definition is not ASL the dashboard can draw. */
export class UnreadableDefinitionError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UnreadableDefinitionError';
  }
}

type Obj = { readonly [key: string]: unknown };
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

const transitionsOf = (state: Obj): Transition[] => {
  const out: Transition[] = [];
  const next = str(state['Next']);
  if (next !== undefined) out.push({ to: next, kind: 'next' });
  for (const choice of arr(state['Choices'])) {
    const to = isObject(choice) ? str(choice['Next']) : undefined;
    if (to !== undefined && !out.some((t) => t.to === to && t.kind === 'choice')) out.push({ to, kind: 'choice' });
  }
  const fallback = str(state['Default']);
  if (fallback !== undefined) out.push({ to: fallback, kind: 'default' });
  for (const catcher of arr(state['Catch'])) {
    const to = isObject(catcher) ? str(catcher['Next']) : undefined;
    if (to !== undefined && !out.some((t) => t.to === to && t.kind === 'catch')) out.push({ to, kind: 'catch' });
  }
  return out;
};

function readGraph(value: unknown, where: string): StateGraph {
  if (!isObject(value) || !isObject(value['States'])) throw new UnreadableDefinitionError(`${where} has no States`);
  const startAt = str(value['StartAt']);
  if (startAt === undefined) throw new UnreadableDefinitionError(`${where} has no StartAt`);
  const states = Object.entries(value['States']).map(([name, state]): GraphState => {
    if (!isObject(state)) throw new UnreadableDefinitionError(`state ${name} is not an object`);
    const type = str(state['Type']) ?? '?';
    const processor = state['ItemProcessor'] ?? state['Iterator'];
    const children =
      type === 'Parallel'
        ? arr(state['Branches']).map((b, i) => readGraph(b, `branch ${i} of ${name}`))
        : type === 'Map' && processor !== undefined
          ? [readGraph(processor, `the item processor of ${name}`)]
          : [];
    const end = state['End'] === true || type === 'Succeed' || type === 'Fail';
    const errorPath = str(state['ErrorPath']);
    return { name, type, end, transitions: transitionsOf(state), children, ...(errorPath !== undefined ? { errorPath } : {}) };
  });
  return { startAt, states };
}

/** Reads a definition (JSON text or parsed). */
export function readStateGraph(definition: string | unknown): StateGraph {
  let parsed: unknown = definition;
  if (typeof definition === 'string') {
    try {
      parsed = JSON.parse(definition);
    } catch (cause) {
      throw new UnreadableDefinitionError('the definition is not JSON', { cause });
    }
  }
  return readGraph(parsed, 'the definition');
}

/** Every state's name, nested ones too, in definition order (a parent before its children). */
export function allStateNames(graph: StateGraph): string[] {
  return allStates(graph).map((s) => s.name);
}

/** Every state, nested ones too, in definition order. */
export function allStates(graph: StateGraph): GraphState[] {
  return graph.states.flatMap((s) => [s, ...s.children.flatMap(allStates)]);
}
