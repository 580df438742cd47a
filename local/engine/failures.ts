import { StatesError, StatesErrorName } from './errors';

/** Which state an error happened in, for AWS's cause texts. */
export interface StateRef {
  name: string;
  /** The id of the state's *StateEntered history event. */
  enteredEventId: number;
}

const PREFIX = 'An error occurred while executing the state';

/** AWS's preamble of runtime and evaluation error causes. */
export function stateErrorPrefix(state: StateRef): string {
  return `${PREFIX} '${state.name}' (entered at the event id #${state.enteredEventId}). `;
}

/** A States.Runtime error worded as AWS words it. */
export function runtimeError(state: StateRef, detail: string): StatesError {
  return new StatesError(StatesErrorName.Runtime, stateErrorPrefix(state) + detail);
}

/**
 * A States.QueryEvaluationError: history records it as an EvaluationFailed event naming the
 * field (`location`) whose expression failed.
 */
export class EvaluationError extends StatesError {
  /** Set once the EvaluationFailed event is recorded. */
  public reported = false;

  public constructor(
    cause: string,
    public readonly location: string | undefined,
  ) {
    super(StatesErrorName.QueryEvaluationError, cause);
    this.name = 'EvaluationError';
  }
}

/** A States.QueryEvaluationError worded as AWS words it. */
export function queryEvaluationError(state: StateRef, detail: string, location?: string): EvaluationError {
  return new EvaluationError(stateErrorPrefix(state) + detail, location);
}

/**
 * Puts AWS's state preamble in front of a path or evaluation error raised by code that does not
 * know which state it runs in; other errors pass through unchanged.
 */
export function inState(state: StateRef, error: unknown): unknown {
  if (!(error instanceof StatesError)) return error;
  const runtimeLike =
    error.error === StatesErrorName.Runtime ||
    error.error === StatesErrorName.QueryEvaluationError ||
    error.error === StatesErrorName.IntrinsicFailure;
  if (!runtimeLike || error.cause === undefined || error.cause.startsWith(PREFIX)) return error;
  return new StatesError(error.error, stateErrorPrefix(state) + error.cause, { cause: error });
}
