import type { ErrorNames, Retrier } from '../asl';
import { StatesErrors } from './errorNames';
import { NoOpenEndError, StateAlreadyConnectedError } from './errors';
import type { StateNode } from './graph';
import type { ApplyResultPath, ResultPathExpr } from './paths';
import { rulesFor, type Rule, type Rules } from './rules';

/** What a caught error looks like: ASL's error output. */
export interface CaughtError {
  Error: string;
  Cause: string;
}

/**
 * A piece of workflow that takes data of type `In` at its first state and hands data of type
 * `Out` on from its open ends (states with no `Next` yet).
 */
export class Flow<In, Out> {
  /** Phantom: what the flow accepts (contravariant). */
  declare protected readonly __in: (input: In) => void;
  /** Phantom: what the flow hands on. */
  declare protected readonly __out: Out;

  public constructor(
    /** The flow's first state. */
    public readonly start: StateNode,
    /** The states still without a successor. */
    public readonly ends: readonly StateNode[],
  ) {}
}

/** A flow that can be continued: `next` wires every open end to a flow that accepts `Out`. */
export class Chain<In, Out> extends Flow<In, Out> {
  /** Continues every open end with `flow`; returns the joined flow. */
  public next<NextOut>(flow: Flow<Out, NextOut>): Chain<In, NextOut> {
    if (this.ends.length === 0) throw new NoOpenEndError(this.start.name);
    for (const end of this.ends) {
      if (end.next !== undefined) throw new StateAlreadyConnectedError(end.name);
      end.next = flow.start;
    }
    return new Chain<In, NextOut>(this.start, flow.ends);
  }
}

/** One state that continues (Task, Pass, Wait, Parallel, Map). */
export class Step<In, Out> extends Chain<In, Out> {
  public constructor(node: StateNode, ends: readonly StateNode[] = [node]) {
    super(node, ends);
  }
}

/**
 * A state that can fail and so takes `Retry` and `Catch` (Task, Parallel, Map). A catch
 * handler's open ends join the step's: `next` continues both, so the following state
 * must accept the step's output and the handler's.
 */
export class FallibleStep<In, Out> extends Step<In, Out> {
  /** Adds `Retry` entries, in order (ASL tries them in order; keep `States.ALL` last). */
  public retry(...retriers: [Retrier, ...Retrier[]]): this {
    this.start.retriers.push(...retriers);
    return this;
  }

  /**
   * Adds a `Catch` entry: on one of `errors`, the error output (`{ Error, Cause }`) is
   * written at `resultPath` (default `$`: replaces the input) and `handler` runs.
   */
  public catch<HandlerOut, const RP extends ResultPathExpr = '$'>(
    errors: ErrorNames,
    handler: Flow<ApplyResultPath<In, RP, CaughtError>, HandlerOut>,
    options: { readonly resultPath?: RP } = {},
  ): FallibleStep<In, Out | HandlerOut> {
    this.start.catchers.push({
      errors,
      target: handler.start,
      ...(options.resultPath !== undefined && { resultPath: options.resultPath }),
    });
    const ends = [...this.ends, ...handler.ends.filter((end) => !this.ends.includes(end))];
    return new FallibleStep<In, Out | HandlerOut>(this.start, ends);
  }

  /** `catch(['States.ALL'], ...)`: catches every error. */
  public catchAll<HandlerOut, const RP extends ResultPathExpr = '$'>(
    handler: Flow<ApplyResultPath<In, RP, CaughtError>, HandlerOut>,
    options: { readonly resultPath?: RP } = {},
  ): FallibleStep<In, Out | HandlerOut> {
    return this.catch<HandlerOut, RP>([StatesErrors.ALL], handler, options);
  }
}

/**
 * A Choice state. Each `when` adds a rule (tried in order); `otherwise` sets the default.
 * The open ends of its targets are the choice's open ends.
 */
export class ChoiceFlow<In, Out = never> extends Chain<In, Out> {
  public constructor(node: StateNode, ends: readonly StateNode[] = []) {
    super(node, ends);
  }

  /** Goes to `target` when `rule` holds. */
  public when<TargetOut>(rule: (rules: Rules<In>) => Rule<In>, target: Flow<In, TargetOut>): ChoiceFlow<In, Out | TargetOut> {
    this.start.choices.push({ expression: rule(rulesFor<In>()).expression, target: target.start });
    return new ChoiceFlow<In, Out | TargetOut>(this.start, joinEnds(this.ends, target.ends));
  }

  /** Goes to `target` when no rule holds (`Default`). */
  public otherwise<TargetOut>(target: Flow<In, TargetOut>): ChoiceFlow<In, Out | TargetOut> {
    this.start.default = target.start;
    return new ChoiceFlow<In, Out | TargetOut>(this.start, joinEnds(this.ends, target.ends));
  }
}

/** A state that ends its (sub)machine: Succeed or Fail. */
export class Terminal<In> extends Flow<In, never> {
  public constructor(node: StateNode) {
    super(node, []);
  }
}

function joinEnds(a: readonly StateNode[], b: readonly StateNode[]): readonly StateNode[] {
  return [...a, ...b.filter((end) => !a.includes(end))];
}
