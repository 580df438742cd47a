import type { ChoiceExpression, ErrorNames, JsonObject, JsonValue, Retrier, StateType } from '../asl';

/** `Ref` stands for a state named by a string, resolved when the workflow is built. */
export type NodeKind = StateType | 'Ref';

/** A `Catch` entry before rendering. */
export interface CatchEdge {
  readonly errors: ErrorNames;
  readonly target: StateNode;
  readonly resultPath?: string | null;
}

/** A top-level Choice rule before rendering. */
export interface ChoiceEdge {
  readonly expression: ChoiceExpression;
  readonly target: StateNode;
}

/** The states whose ASL shape has `Next`/`End`. */
const CONTINUING: ReadonlySet<NodeKind> = new Set<NodeKind>(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);

/**
 * One state of the graph the builder assembles (untyped; the typed API wraps it). `fields`
 * holds its static ASL fields (InputPath, Parameters, ...), already in ASL spelling.
 */
export class StateNode {
  public next?: StateNode;
  public default?: StateNode;
  public readonly retriers: Retrier[] = [];
  public readonly catchers: CatchEdge[] = [];
  public readonly choices: ChoiceEdge[] = [];
  /** Parallel: each branch's first state. Map: the item processor's first state. */
  public readonly branches: StateNode[] = [];

  public constructor(
    public readonly name: string,
    public readonly kind: NodeKind,
    public readonly fields: { readonly [field: string]: JsonValue | undefined } = {},
    /** Task: the logical task function name the resource resolver turns into an ARN. */
    public readonly taskFunction?: string,
    /** Map: the ItemProcessor's ProcessorConfig. */
    public readonly processorConfig?: JsonObject,
  ) {}

  /** Whether the state has a `Next`/`End` (Task, Pass, Wait, Parallel, Map). */
  public get continues(): boolean {
    return CONTINUING.has(this.kind);
  }

  /** Whether the state ends its (sub)machine as it stands. */
  public get terminal(): boolean {
    return this.kind === 'Succeed' || this.kind === 'Fail' || (this.continues && this.next === undefined);
  }
}
