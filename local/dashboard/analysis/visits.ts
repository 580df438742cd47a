/**
 * Reads a GetExecutionHistory event list as visits to states: when each state was entered and
 * left, which task attempts it made and which errors it met. Events are attributed to a state
 * by following `previousEventId` back to its `…StateEntered` event, which keeps interleaved
 * Parallel branches and Map iterations apart.
 */
import type { HistoryEvent } from '../source';

/** One try of a task: from its Scheduled event to its Succeeded / Failed / TimedOut event. */
export interface TaskAttempt {
  /** The function or resource ARN. */
  readonly resource?: string;
  readonly scheduledEventId: number;
  readonly scheduledAt: string;
  startedAt?: string;
  endedAt?: string;
  outcome: 'succeeded' | 'failed' | 'running';
  error?: string;
  cause?: string;
}

/** An error a state met: a failed attempt, or the state itself failing. */
export interface StateFailure {
  readonly eventId: number;
  readonly timestamp: string;
  readonly type: string;
  readonly error?: string;
  readonly cause?: string;
}

/** One entry into a state, to its exit (or to where the history stops). */
export interface StateVisit {
  readonly name: string;
  /** The state's type as its events name it: Task, Parallel, Choice, Pass, Fail... */
  readonly type: string;
  readonly enteredEventId: number;
  readonly enteredAt: string;
  /** `enteredAt` in epoch milliseconds. */
  readonly enteredMs: number;
  readonly input?: string;
  /** The visit of the Parallel or Map state this one ran inside. */
  readonly parent?: StateVisit;
  exitedAt?: string;
  /** `exitedAt` in epoch milliseconds. */
  exitedMs?: number;
  exitedEventId?: number;
  output?: string;
  readonly attempts: TaskAttempt[];
  readonly failures: StateFailure[];
  /** Set when the execution failed right from this visit. */
  executionFailure?: { readonly error?: string; readonly cause?: string; readonly timestamp: string };
  lastEventId: number;
  lastEventAt: string;
}

const detailsOf = (event: HistoryEvent): Record<string, unknown> => {
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith('EventDetails') && typeof value === 'object' && value !== null) return value as Record<string, unknown>;
  }
  return {};
};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const TASK_PREFIXES = ['LambdaFunction', 'Task', 'ActivitySchedule', 'Activity'];
const isAttemptStart = (type: string): boolean => type === 'LambdaFunctionScheduled' || type === 'TaskScheduled' || type === 'ActivityScheduled';
const isAttemptStarted = (type: string): boolean => type === 'LambdaFunctionStarted' || type === 'TaskStarted' || type === 'ActivityStarted';
const isTaskEvent = (type: string): boolean => TASK_PREFIXES.some((p) => type.startsWith(p)) && !type.endsWith('StateEntered') && !type.endsWith('StateExited');
const isFailure = (type: string): boolean =>
  (type.endsWith('Failed') || type.endsWith('TimedOut')) && !type.startsWith('Execution') && !type.startsWith('MapIteration');
const isSuccess = (type: string): boolean => isTaskEvent(type) && type.endsWith('Succeeded');
/** Events after which the next StateEntered runs inside this visit (a branch or an iteration). */
const opensScope = (type: string): boolean =>
  type === 'ParallelStateStarted' || type === 'MapStateStarted' || type === 'MapIterationStarted';

/** The visits of a history, in the order the states were entered. */
export function stateVisits(events: readonly HistoryEvent[]): StateVisit[] {
  const visits: StateVisit[] = [];
  const owner = new Map<number, StateVisit>();
  // The visit whose scope an event lies in (for nesting), by event id.
  const scope = new Map<number, StateVisit | undefined>();
  for (const event of events) {
    const details = detailsOf(event);
    const previous = owner.get(event.previousEventId);
    const previousScope = scope.get(event.previousEventId);
    if (event.type.endsWith('StateEntered')) {
      const parent = previous !== undefined && previous.exitedEventId === undefined ? previous : previousScope;
      const visit: StateVisit = {
        name: text(details['name']) ?? '?',
        type: event.type.slice(0, -'StateEntered'.length),
        enteredEventId: event.id,
        enteredAt: event.timestamp,
        enteredMs: Date.parse(event.timestamp),
        ...(text(details['input']) !== undefined ? { input: text(details['input']) } : {}),
        ...(parent !== undefined ? { parent } : {}),
        attempts: [],
        failures: [],
        lastEventId: event.id,
        lastEventAt: event.timestamp,
      };
      visits.push(visit);
      owner.set(event.id, visit);
      scope.set(event.id, parent);
      continue;
    }
    if (previous === undefined || previous.exitedEventId !== undefined) {
      // Not inside a state: ExecutionSucceeded after the last state, a Map's iteration events...
      scope.set(event.id, previous?.parent ?? previousScope);
      if (previous !== undefined) owner.set(event.id, previous);
      continue;
    }
    const visit = previous;
    owner.set(event.id, visit);
    scope.set(event.id, opensScope(event.type) ? visit : visit.parent);
    visit.lastEventId = event.id;
    visit.lastEventAt = event.timestamp;
    if (event.type.endsWith('StateExited')) {
      visit.exitedAt = event.timestamp;
      visit.exitedMs = Date.parse(event.timestamp);
      visit.exitedEventId = event.id;
      const output = text(details['output']);
      if (output !== undefined) visit.output = output;
    } else if (event.type === 'ExecutionFailed') {
      visit.executionFailure = { error: text(details['error']), cause: text(details['cause']), timestamp: event.timestamp };
    } else if (isAttemptStart(event.type)) {
      visit.attempts.push({ resource: text(details['resource']), scheduledEventId: event.id, scheduledAt: event.timestamp, outcome: 'running' });
    } else if (isAttemptStarted(event.type)) {
      const attempt = visit.attempts[visit.attempts.length - 1];
      if (attempt !== undefined) attempt.startedAt = event.timestamp;
    } else if (isFailure(event.type)) {
      const failure: StateFailure = { eventId: event.id, timestamp: event.timestamp, type: event.type, error: text(details['error']), cause: text(details['cause']) };
      visit.failures.push(failure);
      const attempt = visit.attempts[visit.attempts.length - 1];
      if (isTaskEvent(event.type) && attempt !== undefined && attempt.outcome === 'running') {
        Object.assign(attempt, { endedAt: event.timestamp, outcome: 'failed', error: failure.error, cause: failure.cause });
      }
    } else if (isSuccess(event.type)) {
      const attempt = visit.attempts[visit.attempts.length - 1];
      if (attempt !== undefined && attempt.outcome === 'running') Object.assign(attempt, { endedAt: event.timestamp, outcome: 'succeeded' });
    }
  }
  return visits;
}

/** How deep a visit is nested in Parallel branches and Map iterations (0 at the top level). */
export function depthOf(visit: StateVisit): number {
  let depth = 0;
  for (let p = visit.parent; p !== undefined; p = p.parent) depth += 1;
  return depth;
}
