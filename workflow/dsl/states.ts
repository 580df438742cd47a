import type { AtMostOne, JsonObject, JsonValue } from '../asl';
import { ChoiceFlow, FallibleStep, Step, Terminal, type Flow } from './flow';
import { StateNode, type NodeKind } from './graph';
import type { ApplyResultPath, PathOf, PathTo, ResultPathExpr, SelectPath, TypeAt } from './paths';
import type { PayloadOf, Template, TemplateFor } from './payload';
import type { TaskFunction } from './taskFunction';

/** JSON as the DSL accepts it: `const` inference makes arrays readonly. */
export type ReadonlyJson = string | number | boolean | null | readonly ReadonlyJson[] | { readonly [key: string]: ReadonlyJson };

/**
 * `T` when it is valid, else what is valid: a wrong value then fails against the valid ones,
 * and the error lists them (`'$.ordrId'` is not assignable to `'$' | '$.orderId' | …`).
 */
type Checked<T, Valid> = T extends Valid ? T : Valid;

/** Compile error unless the Parameters payload `P` is a valid input `I` of the task function. */
type BuildsInput<P, I, Name extends string> = [P] extends [I]
  ? unknown
  : { readonly 'Parameters do not build the input of': Name; readonly expected: I; readonly built: P };

/** The payload a state's `Parameters` produce; the effective input when there are none. */
type Payload<Eff, Tpl> = [Tpl] extends [Template] ? PayloadOf<Eff, Tpl> : Eff;

/** Type of data after the JSONPath pipeline: ResultPath merges into the raw input, then OutputPath. */
type AfterResult<In, RP extends ResultPathExpr, Result, OP extends string> = SelectPath<ApplyResultPath<In, RP, Result>, OP>;

interface Common {
  readonly comment?: string;
}

/** Options of a Task state. */
export interface TaskOptions<IP, Tpl, Sel, RP extends ResultPathExpr, OP> extends Common {
  readonly inputPath?: IP;
  readonly parameters?: Tpl;
  readonly resultSelector?: Sel;
  readonly resultPath?: RP;
  /** Selects the state's output from the data after ResultPath. */
  readonly outputPath?: OP;
  readonly timeoutSeconds?: number;
  readonly heartbeatSeconds?: number;
}

/** Options of a Pass state. */
export interface PassOptions<IP, Tpl, R, RP extends ResultPathExpr, OP> extends Common {
  readonly inputPath?: IP;
  readonly parameters?: Tpl;
  readonly result?: R;
  readonly resultPath?: RP;
  readonly outputPath?: OP;
}

/** Options of a Parallel state. */
export interface ParallelOptions<IP, Sel, RP extends ResultPathExpr, OP> extends Common {
  readonly inputPath?: IP;
  readonly resultSelector?: Sel;
  readonly resultPath?: RP;
  readonly outputPath?: OP;
}

/** Options of a Map state. */
export interface MapOptions<IP, ItemsP, ISel, Sel, RP extends ResultPathExpr, OP> extends Common {
  readonly inputPath?: IP;
  /** Where the items are, in the effective input. */
  readonly itemsPath: ItemsP;
  /**
   * Each item's input, evaluated over the effective input; `$$.Map.Item.Value` is the item
   * (typed `unknown`), `$$.Map.Item.Index` its index.
   */
  readonly itemSelector?: ISel;
  readonly maxConcurrency?: number;
  readonly toleratedFailureCount?: number;
  readonly toleratedFailurePercentage?: number;
  readonly resultSelector?: Sel;
  readonly resultPath?: RP;
  readonly outputPath?: OP;
  readonly processorConfig?: { readonly mode?: 'INLINE' | 'DISTRIBUTED'; readonly executionType?: 'STANDARD' | 'EXPRESS' };
}

/** How long a Wait state waits: exactly one of these. */
export type WaitFor<In> =
  | { readonly seconds: number }
  | { readonly secondsPath: PathTo<In, number> }
  | { readonly timestamp: string }
  | { readonly timestampPath: PathTo<In, string> };

/** What a Fail state reports: a literal text or a path to a string in its input, for each. */
export type FailOptions<In> = Common &
  AtMostOne<{ readonly error: string; readonly errorPath: PathTo<In, string> }> &
  AtMostOne<{ readonly cause: string; readonly causePath: PathTo<In, string> }>;

/** A Pass state's result: `result`, else the payload of `parameters`, else the effective input. */
type PassResult<In, IP extends string, Tpl, R> = [R] extends [undefined] ? Payload<SelectPath<In, IP>, Tpl> : R;

/** The element type of an array type. */
type ElementOf<A> = A extends readonly (infer E)[] ? E : never;

/** What a Map's processor receives: the ItemSelector payload, else the item itself. */
type MapItem<Eff, ItemsP extends string, ISel> = [ISel] extends [Template] ? PayloadOf<Eff, ISel> : ElementOf<TypeAt<Eff, ItemsP>>;

type BranchOutputs<B> = { -readonly [K in keyof B]: B[K] extends Flow<never, infer O> ? O : never };

/** Options as the implementation reads them (the typed signatures have checked them). */
interface RawOptions {
  readonly comment?: string;
  readonly inputPath?: string;
  readonly parameters?: ReadonlyJson;
  readonly result?: ReadonlyJson;
  readonly resultSelector?: ReadonlyJson;
  readonly resultPath?: string | null;
  readonly outputPath?: string;
  readonly timeoutSeconds?: number;
  readonly heartbeatSeconds?: number;
  readonly itemsPath?: string;
  readonly itemSelector?: ReadonlyJson;
  readonly maxConcurrency?: number;
  readonly toleratedFailureCount?: number;
  readonly toleratedFailurePercentage?: number;
  readonly processorConfig?: { readonly mode?: 'INLINE' | 'DISTRIBUTED'; readonly executionType?: 'STANDARD' | 'EXPRESS' };
}

/** Drops the entries whose value is `undefined` (so that unset options render no field). */
function defined(fields: { readonly [field: string]: JsonValue | ReadonlyJson | undefined }): {
  readonly [field: string]: JsonValue | undefined;
} {
  // ReadonlyJson is JSON: readonly only constrains the caller, the values are the same.
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as { [field: string]: JsonValue };
}

/**
 * Creates the states whose input is data of type `In`. Each method registers the state with
 * its workflow (for the graph diagnostics) and returns a typed flow.
 */
export class StateFactory<In, Fn extends string = string> {
  public constructor(private readonly register: (node: StateNode) => StateNode) {}

  private node(name: string, kind: NodeKind, fields: Parameters<typeof defined>[0] = {}, fn?: string, config?: JsonObject): StateNode {
    return this.register(new StateNode(name, kind, defined(fields), fn, config));
  }

  /** A Task state invoking task function `fn`; `parameters` must build `fn`'s input. */
  public task<
    Name extends Fn,
    I,
    O,
    const Tpl extends Template | undefined = undefined,
    const Sel extends Template | undefined = undefined,
    const RP extends ResultPathExpr = '$',
    const IP extends string = '$',
    const OP extends string = '$',
  >(
    name: string,
    fn: TaskFunction<Name, I, O>,
    typedOptions: TaskOptions<
      Checked<IP, PathOf<In>>,
      Checked<Tpl, TemplateFor<SelectPath<In, IP>, Tpl>>,
      Checked<Sel, TemplateFor<O, Sel>>,
      RP,
      Checked<OP, PathOf<ApplyResultPath<In, RP, Payload<O, Sel>>>>
    > &
      BuildsInput<Payload<SelectPath<In, IP>, Tpl>, I, Name>,
  ): FallibleStep<In, AfterResult<In, RP, Payload<O, Sel>, OP>> {
    const options = typedOptions as unknown as RawOptions;
    return new FallibleStep<never, never>(
      this.node(
        name,
        'Task',
        {
          Comment: options.comment,
          InputPath: options.inputPath,
          Parameters: options.parameters,
          ResultSelector: options.resultSelector,
          ResultPath: options.resultPath,
          OutputPath: options.outputPath,
          TimeoutSeconds: options.timeoutSeconds,
          HeartbeatSeconds: options.heartbeatSeconds,
        },
        fn.name,
      ),
    ) as never;
  }

  /** A Pass state: its output is `result`, else the `parameters` payload, else its input. */
  public pass<
    const Tpl extends Template | undefined = undefined,
    const R extends ReadonlyJson | undefined = undefined,
    const RP extends ResultPathExpr = '$',
    const IP extends string = '$',
    const OP extends string = '$',
  >(
    name: string,
    typedOptions: PassOptions<
      Checked<IP, PathOf<In>>,
      Checked<Tpl, TemplateFor<SelectPath<In, IP>, Tpl>>,
      R,
      RP,
      Checked<OP, PathOf<ApplyResultPath<In, RP, PassResult<In, IP, Tpl, R>>>>
    > = {},
  ): Step<In, AfterResult<In, RP, PassResult<In, IP, Tpl, R>, OP>> {
    const options = typedOptions as unknown as RawOptions;
    return new Step<never, never>(
      this.node(name, 'Pass', {
        Comment: options.comment,
        InputPath: options.inputPath,
        Parameters: options.parameters,
        Result: options.result,
        ResultPath: options.resultPath,
        OutputPath: options.outputPath,
      }),
    ) as never;
  }

  /** A Choice state; add rules with `when`, the default with `otherwise`. */
  public choice(name: string, options: Common = {}): ChoiceFlow<In> {
    return new ChoiceFlow(this.node(name, 'Choice', { Comment: options.comment }));
  }

  /** A Wait state. */
  public wait(name: string, waitFor: WaitFor<In> & Common): Step<In, In> {
    const w = waitFor as Partial<{ seconds: number; secondsPath: string; timestamp: string; timestampPath: string }> & Common;
    return new Step(
      this.node(name, 'Wait', {
        Comment: w.comment,
        Seconds: w.seconds,
        SecondsPath: w.secondsPath,
        Timestamp: w.timestamp,
        TimestampPath: w.timestampPath,
      }),
    );
  }

  /** A Succeed state. */
  public succeed(name: string, options: Common = {}): Terminal<In> {
    return new Terminal(this.node(name, 'Succeed', { Comment: options.comment }));
  }

  /** A Fail state. */
  public fail(name: string, typedOptions: FailOptions<In> = {}): Terminal<In> {
    const options = typedOptions as Common & { error?: string; errorPath?: string; cause?: string; causePath?: string };
    return new Terminal(
      this.node(name, 'Fail', {
        Comment: options.comment,
        Error: options.error,
        ErrorPath: options.errorPath,
        Cause: options.cause,
        CausePath: options.causePath,
      }),
    );
  }

  /**
   * A Parallel state running `branches` on its (effective) input; its result is the tuple of
   * the branches' outputs, which `resultSelector` may reshape (`'$[0]'`, `'$[1]'`, ...).
   */
  public parallel<
    const B extends readonly Flow<SelectPath<In, IP>, unknown>[],
    const Sel extends Template | undefined = undefined,
    const RP extends ResultPathExpr = '$',
    const IP extends string = '$',
    const OP extends string = '$',
  >(
    name: string,
    branches: B,
    typedOptions: ParallelOptions<
      Checked<IP, PathOf<In>>,
      Checked<Sel, TemplateFor<BranchOutputs<B>, Sel>>,
      RP,
      Checked<OP, PathOf<ApplyResultPath<In, RP, Payload<BranchOutputs<B>, Sel>>>>
    > = {},
  ): FallibleStep<In, AfterResult<In, RP, Payload<BranchOutputs<B>, Sel>, OP>> {
    const options = typedOptions as unknown as RawOptions;
    const node = this.node(name, 'Parallel', {
      Comment: options.comment,
      InputPath: options.inputPath,
      ResultSelector: options.resultSelector,
      ResultPath: options.resultPath,
      OutputPath: options.outputPath,
    });
    node.branches.push(...branches.map((b) => b.start));
    return new FallibleStep<never, never>(node) as never;
  }

  /** A Map state running `processor` on each item at `itemsPath`; its result is the array of outputs. */
  public map<
    ItemOut,
    const ItemsP extends string,
    const ISel extends Template | undefined = undefined,
    const Sel extends Template | undefined = undefined,
    const RP extends ResultPathExpr = '$',
    const IP extends string = '$',
    const OP extends string = '$',
  >(
    name: string,
    processor: Flow<MapItem<SelectPath<In, IP>, ItemsP, ISel>, ItemOut>,
    typedOptions: MapOptions<
      Checked<IP, PathOf<In>>,
      Checked<ItemsP, PathTo<SelectPath<In, IP>, readonly unknown[]>>,
      Checked<ISel, TemplateFor<SelectPath<In, IP>, ISel>>,
      Checked<Sel, TemplateFor<ItemOut[], Sel>>,
      RP,
      Checked<OP, PathOf<ApplyResultPath<In, RP, Payload<ItemOut[], Sel>>>>
    >,
  ): FallibleStep<In, AfterResult<In, RP, Payload<ItemOut[], Sel>, OP>> {
    const options = typedOptions as unknown as RawOptions;
    const config = options.processorConfig;
    const node = this.node(
      name,
      'Map',
      {
        Comment: options.comment,
        InputPath: options.inputPath,
        ItemsPath: options.itemsPath,
        ItemSelector: options.itemSelector,
        MaxConcurrency: options.maxConcurrency,
        ToleratedFailureCount: options.toleratedFailureCount,
        ToleratedFailurePercentage: options.toleratedFailurePercentage,
        ResultSelector: options.resultSelector,
        ResultPath: options.resultPath,
        OutputPath: options.outputPath,
      },
      undefined,
      config && (defined({ Mode: config.mode, ExecutionType: config.executionType }) as JsonObject),
    );
    node.branches.push(processor.start);
    return new FallibleStep<never, never>(node) as never;
  }
}
