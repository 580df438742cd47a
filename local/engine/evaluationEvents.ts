import { EvaluationError } from './failures';
import { StateContext } from './runtime';

/** Records the EvaluationFailed event of a JSONata evaluation error, once per error. */
export function reportEvaluationFailure(sc: StateContext, e: unknown): void {
  if (!(e instanceof EvaluationError) || e.reported) return;
  e.reported = true;
  sc.event('EvaluationFailed', { error: e.error, cause: e.cause, ...(e.location ? { location: e.location } : {}), state: sc.name });
}
