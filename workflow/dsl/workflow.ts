import type { JsonPathStateMachineDefinition } from '../asl';
import { analyze, type Analysis, type Diagnostic } from './diagnostics';
import { WorkflowDefinitionError } from './errors';
import { Flow } from './flow';
import { StateNode } from './graph';
import { renderMermaid } from './mermaid';
import { renderDefinition, type DefinitionOptions, type ResourceResolver } from './render';
import { StateFactory } from './states';

/**
 * A built workflow: its graph analysed and free of problems, ready to render as ASL (with
 * task resources resolved by the caller) or as a Mermaid flowchart.
 */
export class BuiltWorkflow<Input, Fn extends string = string> {
  /** Phantom: the execution input type. */
  declare public readonly __input?: (input: Input) => void;

  public constructor(
    private readonly analysis: Analysis,
    private readonly start: StateNode,
    private readonly options: DefinitionOptions,
  ) {}

  /** The ASL definition; `resolve` turns each task function name into its `Resource`. */
  public render(resolve: ResourceResolver<Fn>): JsonPathStateMachineDefinition {
    // Every Task node was created from a TaskFunction whose name is an `Fn` (see StateFactory.task).
    return renderDefinition(this.analysis, this.start, resolve as ResourceResolver, this.options);
  }

  /** The graph as a Mermaid flowchart. */
  public toMermaid(): string {
    return renderMermaid(this.analysis, this.start);
  }
}

/**
 * Collects the states of one workflow. `states<T>()` creates states whose input is `T`;
 * `build` checks the graph (see {@link Diagnostic}) and throws {@link WorkflowDefinitionError}
 * listing every problem.
 *
 * @example
 * const wf = new Workflow<'charge'>({ comment: 'Charge then notify' });
 * const s = wf.states<Order>();
 * const built = wf.build(s.task('Charge', charge, { parameters: { 'orderId.$': '$.orderId' } }).next(s.succeed('Done')));
 */
export class Workflow<Fn extends string = string> {
  private readonly registered: StateNode[] = [];

  public constructor(private readonly options: DefinitionOptions = {}) {}

  /** The factory of states whose input is data of type `T`. */
  public states<T>(): StateFactory<T, Fn> {
    return new StateFactory<T, Fn>((node) => {
      this.registered.push(node);
      return node;
    });
  }

  /**
   * A state named by a string, resolved at build time: for loops back to an earlier state
   * or forward references. A name that matches no state is a DANGLING_NEXT diagnostic.
   */
  public ref<T>(stateName: string): Flow<T, never> {
    return new Flow<T, never>(new StateNode(stateName, 'Ref'), []);
  }

  /** The problems of the graph starting at `start` (empty when it is sound). */
  public diagnose(start: Flow<never, unknown>): readonly Diagnostic[] {
    return analyze(start.start, this.registered).diagnostics;
  }

  /** Checks the graph starting at `start` and returns it built; throws on any problem. */
  public build<Input>(start: Flow<Input, unknown>): BuiltWorkflow<Input, Fn> {
    const analysis = analyze(start.start, this.registered);
    if (analysis.diagnostics.length > 0) throw new WorkflowDefinitionError(analysis.diagnostics);
    return new BuiltWorkflow<Input, Fn>(analysis, start.start, this.options);
  }
}
