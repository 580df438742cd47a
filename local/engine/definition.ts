import { Json, JsonObject, isJsonObject } from './json';

/** The query language of a state machine or of one state. */
export type QueryLanguage = 'JSONPath' | 'JSONata';

/** A retrier of a Task, Parallel or Map state. */
export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
}

/** A catcher of a Task, Parallel or Map state. */
export interface Catcher {
  ErrorEquals: string[];
  Next: string;
  ResultPath?: string | null;
  Output?: Json;
  Assign?: JsonObject;
}

/** A state machine (or a Parallel branch, or a Map item processor). */
export interface StateMachineDefinition {
  StartAt: string;
  States: Record<string, StateDefinition>;
  Comment?: string;
  QueryLanguage?: QueryLanguage;
  TimeoutSeconds?: number;
  Version?: string;
  ProcessorConfig?: { Mode?: string; ExecutionType?: string };
}

/**
 * One state. The fields of every state type are optional here; each state's runner reads the
 * ones its type defines, and {@link validateDefinition} checks the structure AWS requires.
 */
export interface StateDefinition {
  Type: 'Task' | 'Pass' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';
  Comment?: string;
  QueryLanguage?: QueryLanguage;
  Next?: string;
  End?: boolean;
  InputPath?: string | null;
  OutputPath?: string | null;
  Parameters?: Json;
  ResultSelector?: Json;
  ResultPath?: string | null;
  Arguments?: Json;
  Output?: Json;
  Assign?: JsonObject;
  Result?: Json;
  Resource?: string;
  TimeoutSeconds?: number | string;
  TimeoutSecondsPath?: string;
  HeartbeatSeconds?: number | string;
  HeartbeatSecondsPath?: string;
  Credentials?: Json;
  Retry?: Retrier[];
  Catch?: Catcher[];
  Choices?: JsonObject[];
  Default?: string;
  Seconds?: number | string;
  SecondsPath?: string;
  Timestamp?: string;
  TimestampPath?: string;
  Error?: string;
  ErrorPath?: string;
  Cause?: string;
  CausePath?: string;
  Branches?: StateMachineDefinition[];
  ItemsPath?: string;
  Items?: Json;
  ItemSelector?: Json;
  ItemProcessor?: StateMachineDefinition;
  Iterator?: StateMachineDefinition;
  ItemReader?: Json;
  ResultWriter?: Json;
  MaxConcurrency?: number | string;
  MaxConcurrencyPath?: string;
  ToleratedFailureCount?: number | string;
  ToleratedFailureCountPath?: string;
  ToleratedFailurePercentage?: number | string;
  ToleratedFailurePercentagePath?: string;
  Label?: string;
}

/** A definition AWS would reject at CreateStateMachine (InvalidDefinition). */
export class InvalidDefinitionError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InvalidDefinition';
  }
}

const STATE_TYPES = new Set(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']);

/**
 * Decodes and checks a state machine definition: the shape of every state (recursively into
 * Parallel branches and Map processors) and that every transition names a state of its scope.
 */
export function validateDefinition(value: unknown, where = 'StateMachine'): StateMachineDefinition {
  if (!isJsonObject(value)) throw new InvalidDefinitionError(`${where}: the definition must be a JSON object`);
  const { StartAt, States } = value;
  if (typeof StartAt !== 'string') throw new InvalidDefinitionError(`${where}: missing StartAt`);
  if (!isJsonObject(States)) throw new InvalidDefinitionError(`${where}: missing States`);
  if (!(StartAt in States)) throw new InvalidDefinitionError(`${where}: StartAt '${StartAt}' is not a state`);
  for (const [name, state] of Object.entries(States)) {
    const at = `${where}/States/${name}`;
    if (!isJsonObject(state) || typeof state.Type !== 'string' || !STATE_TYPES.has(state.Type)) {
      throw new InvalidDefinitionError(`${at}: unknown or missing Type`);
    }
    const targets: unknown[] = [state.Next, state.Default];
    if (Array.isArray(state.Choices)) for (const c of state.Choices) if (isJsonObject(c)) targets.push(c.Next);
    if (Array.isArray(state.Catch)) for (const c of state.Catch) if (isJsonObject(c)) targets.push(c.Next);
    for (const t of targets) {
      if (t !== undefined && (typeof t !== 'string' || !(t in States))) {
        throw new InvalidDefinitionError(`${at}: transition to unknown state ${JSON.stringify(t)}`);
      }
    }
    const terminal = state.Type === 'Choice' || state.Type === 'Succeed' || state.Type === 'Fail';
    if (!terminal && state.End !== true && typeof state.Next !== 'string') {
      throw new InvalidDefinitionError(`${at}: a ${state.Type} state needs Next or End`);
    }
    if (state.Type === 'Parallel') {
      if (!Array.isArray(state.Branches)) throw new InvalidDefinitionError(`${at}: missing Branches`);
      state.Branches.forEach((b, i) => validateDefinition(b, `${at}/Branches[${i}]`));
    }
    if (state.Type === 'Map') {
      const processor = state.ItemProcessor ?? state.Iterator;
      if (processor === undefined) throw new InvalidDefinitionError(`${at}: missing ItemProcessor`);
      validateDefinition(processor, `${at}/ItemProcessor`);
    }
  }
  return value as unknown as StateMachineDefinition; // checked above, field by field where it matters
}
