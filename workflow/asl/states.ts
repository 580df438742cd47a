import type { JsonPathChoiceRule, JsonataChoiceRule } from './choiceRule';
import type { JsonPathCatcher, JsonataCatcher, Retrier } from './errorHandling';
import type { AtMostOne, ExactlyOne } from './exclusive';
import type {
  AssignFields,
  CommonFields,
  JsonPathFilterFields,
  JsonPathResultFields,
  JsonataOutputFields,
  Transition,
} from './fields';
import type { JsonObject, JsonValue } from './json';
import type { LanguageVariants, QueryLanguage } from './queryLanguage';

/** The `StartAt`/`States` pair of a Parallel branch or a Map item processor. */
export interface SubMachine<D extends QueryLanguage = 'JSONPath'> {
  Comment?: string;
  StartAt: string;
  States: { [name: string]: State<D> };
}

// ---- Task ----------------------------------------------------------------------------------

interface TaskBase extends CommonFields, AssignFields {
  Type: 'Task';
  Resource: string;
  Retry?: Retrier[];
  Credentials?: { RoleArn: string } | { 'RoleArn.$': string };
}
type JsonPathTask = TaskBase &
  JsonPathFilterFields &
  JsonPathResultFields & { Parameters?: JsonObject; Catch?: JsonPathCatcher[] } & AtMostOne<{
    TimeoutSeconds: number;
    TimeoutSecondsPath: string;
  }> &
  AtMostOne<{ HeartbeatSeconds: number; HeartbeatSecondsPath: string }>;
type JsonataTask = TaskBase &
  JsonataOutputFields & {
    Arguments?: JsonValue;
    Catch?: JsonataCatcher[];
    TimeoutSeconds?: number | string;
    HeartbeatSeconds?: number | string;
    TimeoutSecondsPath?: never;
    HeartbeatSecondsPath?: never;
  };

/** A Task state: invokes `Resource`. */
export type TaskState<D extends QueryLanguage = 'JSONPath'> = LanguageVariants<D, JsonPathTask, JsonataTask> & Transition;

// ---- Pass ----------------------------------------------------------------------------------

type JsonPathPass = CommonFields &
  AssignFields &
  JsonPathFilterFields & { Type: 'Pass'; Parameters?: JsonObject; Result?: JsonValue; ResultPath?: string | null };
type JsonataPass = CommonFields & AssignFields & JsonataOutputFields & { Type: 'Pass'; Result?: never };

/** A Pass state: passes (or reshapes) its input. */
export type PassState<D extends QueryLanguage = 'JSONPath'> = LanguageVariants<D, JsonPathPass, JsonataPass> & Transition;

// ---- Choice --------------------------------------------------------------------------------

type JsonPathChoice = CommonFields &
  AssignFields &
  JsonPathFilterFields & { Type: 'Choice'; Choices: [JsonPathChoiceRule, ...JsonPathChoiceRule[]]; Default?: string };
type JsonataChoice = CommonFields &
  AssignFields &
  JsonataOutputFields & { Type: 'Choice'; Choices: [JsonataChoiceRule, ...JsonataChoiceRule[]]; Default?: string };

/** A Choice state: no `Next`/`End`; its rules and `Default` name the successors. */
export type ChoiceState<D extends QueryLanguage = 'JSONPath'> = LanguageVariants<D, JsonPathChoice, JsonataChoice> & {
  Next?: never;
  End?: never;
};

// ---- Wait ----------------------------------------------------------------------------------

type JsonPathWait = CommonFields &
  AssignFields &
  JsonPathFilterFields & { Type: 'Wait' } & ExactlyOne<{
    Seconds: number;
    SecondsPath: string;
    Timestamp: string;
    TimestampPath: string;
  }>;
type JsonataWait = CommonFields &
  AssignFields &
  JsonataOutputFields & { Type: 'Wait'; SecondsPath?: never; TimestampPath?: never } & ExactlyOne<{
    Seconds: number | string;
    Timestamp: string;
  }>;

/** A Wait state: waits `Seconds` or until `Timestamp` (or the *Path variants). */
export type WaitState<D extends QueryLanguage = 'JSONPath'> = LanguageVariants<D, JsonPathWait, JsonataWait> & Transition;

// ---- Succeed / Fail ------------------------------------------------------------------------

type NoTransition = { Next?: never; End?: never };
type JsonPathSucceed = CommonFields & JsonPathFilterFields & { Type: 'Succeed' };
type JsonataSucceed = CommonFields & JsonataOutputFields & { Type: 'Succeed' };

/** A Succeed state: ends the (sub)machine successfully. */
export type SucceedState<D extends QueryLanguage = 'JSONPath'> = LanguageVariants<D, JsonPathSucceed, JsonataSucceed> &
  NoTransition;

type JsonPathFail = CommonFields & { Type: 'Fail' } & AtMostOne<{ Error: string; ErrorPath: string }> &
  AtMostOne<{ Cause: string; CausePath: string }>;
type JsonataFail = CommonFields & { Type: 'Fail'; Error?: string; Cause?: string; ErrorPath?: never; CausePath?: never };

/** A Fail state: ends the execution with an error and a cause. */
export type FailState<D extends QueryLanguage = 'JSONPath'> = LanguageVariants<D, JsonPathFail, JsonataFail> & NoTransition;

// ---- Parallel ------------------------------------------------------------------------------

interface ParallelBase<D extends QueryLanguage> extends CommonFields, AssignFields {
  Type: 'Parallel';
  Branches: [SubMachine<D>, ...SubMachine<D>[]];
  Retry?: Retrier[];
}
type JsonPathParallel<D extends QueryLanguage> = ParallelBase<D> &
  JsonPathFilterFields &
  JsonPathResultFields & { Parameters?: JsonObject; Catch?: JsonPathCatcher[] };
type JsonataParallel<D extends QueryLanguage> = ParallelBase<D> &
  JsonataOutputFields & { Arguments?: JsonValue; Catch?: JsonataCatcher[] };

/** A Parallel state: runs every branch on its input; its result is the array of their outputs. */
export type ParallelState<D extends QueryLanguage = 'JSONPath'> = LanguageVariants<
  D,
  JsonPathParallel<D>,
  JsonataParallel<D>
> &
  Transition;

// ---- Map -----------------------------------------------------------------------------------

/** The item processor of a Map state. */
export interface ItemProcessor<D extends QueryLanguage = 'JSONPath'> extends SubMachine<D> {
  ProcessorConfig?: { Mode?: 'INLINE' | 'DISTRIBUTED'; ExecutionType?: 'STANDARD' | 'EXPRESS' };
}

/** Where a distributed Map reads its items. */
export interface ItemReader {
  Resource: string;
  ReaderConfig?: { InputType?: 'CSV' | 'JSON' | 'JSONL' | 'MANIFEST'; CSVHeaderLocation?: 'FIRST_ROW' | 'GIVEN'; CSVHeaders?: string[] } & AtMostOne<{ MaxItems: number; MaxItemsPath: string }>;
  Parameters?: JsonObject;
  Arguments?: JsonValue;
}

/** How a distributed Map batches its items. */
export type ItemBatcher = { BatchInput?: JsonObject } & AtMostOne<{ MaxItemsPerBatch: number; MaxItemsPerBatchPath: string }> &
  AtMostOne<{ MaxInputBytesPerBatch: number; MaxInputBytesPerBatchPath: string }>;

/** Where a distributed Map writes its results. */
export interface ResultWriter {
  Resource: string;
  Parameters?: JsonObject;
  Arguments?: JsonValue;
}

interface MapBase<D extends QueryLanguage> extends CommonFields, AssignFields {
  Type: 'Map';
  ItemProcessor: ItemProcessor<D>;
  ItemReader?: ItemReader;
  ItemBatcher?: ItemBatcher;
  ResultWriter?: ResultWriter;
  Label?: string;
  Retry?: Retrier[];
}
type JsonPathMap<D extends QueryLanguage> = MapBase<D> &
  JsonPathFilterFields &
  JsonPathResultFields & { ItemsPath?: string; ItemSelector?: JsonObject; Catch?: JsonPathCatcher[]; Items?: never } & AtMostOne<{
    MaxConcurrency: number;
    MaxConcurrencyPath: string;
  }> &
  AtMostOne<{ ToleratedFailureCount: number; ToleratedFailureCountPath: string }> &
  AtMostOne<{ ToleratedFailurePercentage: number; ToleratedFailurePercentagePath: string }>;
type JsonataMap<D extends QueryLanguage> = MapBase<D> &
  JsonataOutputFields & {
    Items?: JsonValue[] | string;
    ItemSelector?: JsonValue;
    ItemsPath?: never;
    Catch?: JsonataCatcher[];
    MaxConcurrency?: number | string;
    ToleratedFailureCount?: number | string;
    ToleratedFailurePercentage?: number | string;
  };

/** A Map state: runs `ItemProcessor` for each item of the input array. */
export type MapState<D extends QueryLanguage = 'JSONPath'> = LanguageVariants<D, JsonPathMap<D>, JsonataMap<D>> & Transition;

// ---- all states ----------------------------------------------------------------------------

/** Any state, in a definition whose default query language is `D`. */
export type State<D extends QueryLanguage = 'JSONPath'> =
  | TaskState<D>
  | PassState<D>
  | ChoiceState<D>
  | WaitState<D>
  | SucceedState<D>
  | FailState<D>
  | ParallelState<D>
  | MapState<D>;

/** The `Type` of a state. */
export type StateType = State['Type'];
