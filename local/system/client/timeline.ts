/**
 * An execution's history as a readable timeline: each state entered, when, for how long,
 * nested under its Parallel branch, with its task attempts, retries and error.
 */
import type { ExecutionEvent } from './orderClient';

/** One state's visit. */
export interface TimelineEntry {
  readonly name: string;
  /** Task, Choice, Parallel, Pass, Fail… */
  readonly type: string;
  /** 0 at the top level, +1 inside each Parallel branch or Map iteration. */
  readonly depth: number;
  readonly enteredAt: Date;
  /** When it exited; absent while running or when the execution ended in it. */
  readonly exitedAt?: Date;
  /** Lambda or task invocations. */
  readonly attempts: number;
  /** Attempts after the first. */
  readonly retries: number;
  /** The last failed attempt's error and cause, when the state did not end in a success. */
  readonly error?: string;
  readonly cause?: string;
}

const OPENS_SCOPE = new Set(['ParallelStateStarted', 'MapIterationStarted']);
const CLOSES_SCOPE = new Set(['ParallelStateSucceeded', 'ParallelStateFailed', 'ParallelStateAborted', 'MapIterationSucceeded', 'MapIterationFailed', 'MapIterationAborted']);
const ATTEMPT = new Set(['LambdaFunctionScheduled', 'TaskScheduled']);
const FAILURE = new Set(['LambdaFunctionFailed', 'LambdaFunctionTimedOut', 'LambdaFunctionStartFailed', 'LambdaFunctionScheduleFailed', 'TaskFailed', 'TaskTimedOut', 'TaskStartFailed', 'TaskSubmitFailed']);
const SUCCESS = new Set(['LambdaFunctionSucceeded', 'TaskSucceeded']);

/** The timeline of a history (events in id order). */
export function executionTimeline(events: readonly ExecutionEvent[]): TimelineEntry[] {
  const byId = new Map(events.map((event) => [event.id, event]));
  // The causal chain of each event: its ancestors through previousEventId, nearest first.
  const ancestors = (event: ExecutionEvent): ExecutionEvent[] => {
    const chain: ExecutionEvent[] = [];
    for (let at = byId.get(event.previousEventId); at !== undefined; at = byId.get(at.previousEventId)) chain.push(at);
    return chain;
  };
  const depthOf = (event: ExecutionEvent): number =>
    ancestors(event).reduce((depth, a) => depth + (OPENS_SCOPE.has(a.type) ? 1 : CLOSES_SCOPE.has(a.type) ? -1 : 0), 0);

  const entries: TimelineEntry[] = [];
  const exitedIds = new Set<number>();
  for (const entered of events) {
    if (!entered.type.endsWith('StateEntered')) continue;
    const name = typeof entered.details.name === 'string' ? entered.details.name : '?';
    // The events caused by this visit: those whose chain leads back to it, up to its exit.
    const own: ExecutionEvent[] = [];
    let exited: ExecutionEvent | undefined;
    const reached = new Set([entered.id]);
    for (const event of events) {
      if (event.id <= entered.id || !reached.has(event.previousEventId)) continue;
      if (event.type.endsWith('StateExited') && event.details.name === name && !exitedIds.has(event.id)) {
        exited = event;
        exitedIds.add(event.id);
        break;
      }
      // A Parallel's own events only: its branches' states are entries of their own.
      if (event.type.endsWith('StateEntered')) continue;
      reached.add(event.id);
      own.push(event);
    }
    const attempts = own.filter((e) => ATTEMPT.has(e.type)).length;
    const lastFailure = [...own].reverse().find((e) => FAILURE.has(e.type));
    const succeededAfter = lastFailure !== undefined && own.some((e) => SUCCESS.has(e.type) && e.id > lastFailure.id);
    const failure = lastFailure !== undefined && !succeededAfter ? lastFailure : undefined;
    entries.push({
      name,
      type: entered.type.slice(0, -'StateEntered'.length),
      depth: depthOf(entered),
      enteredAt: entered.timestamp,
      ...(exited !== undefined ? { exitedAt: exited.timestamp } : {}),
      attempts,
      retries: Math.max(0, attempts - 1),
      ...(failure !== undefined && typeof failure.details.error === 'string' ? { error: failure.details.error } : {}),
      ...(failure !== undefined && typeof failure.details.cause === 'string' ? { cause: failure.details.cause } : {}),
    });
  }
  return entries;
}

/** The execution's end, for the timeline's heading. */
export interface TimelineHeading {
  readonly orderId: string;
  readonly status: string;
  readonly startDate: Date;
  readonly stopDate?: Date;
  readonly error?: string;
  readonly cause?: string;
}

/** The timeline as text, one state a line, times relative to the start. */
export function formatTimeline(heading: TimelineHeading, entries: readonly TimelineEntry[]): string {
  const total = heading.stopDate !== undefined ? ` in ${ms(heading.stopDate.getTime() - heading.startDate.getTime())}` : '';
  const lines = [`Order ${heading.orderId}: ${heading.status}${heading.error !== undefined ? ` (${heading.error})` : ''}${total}`];
  if (heading.cause !== undefined) lines.push(`  cause: ${clip(heading.cause, 200)}`);
  lines.push('');
  const rows = entries.map((entry) => [
    `+${ms(entry.enteredAt.getTime() - heading.startDate.getTime())}`,
    `${'  '.repeat(entry.depth)}${entry.name}`,
    entry.type,
    entry.exitedAt !== undefined ? ms(entry.exitedAt.getTime() - entry.enteredAt.getTime()) : heading.stopDate === undefined ? 'running' : '-',
    entry.attempts === 0 ? '' : entry.retries === 0 ? '1 attempt' : `${entry.attempts} attempts (${entry.retries} ${entry.retries === 1 ? 'retry' : 'retries'})`,
    entry.error !== undefined ? `${entry.error}${entry.cause !== undefined ? `: ${clip(entry.cause, 100)}` : ''}` : '',
  ]);
  const header = ['AT', 'STATE', 'TYPE', 'DURATION', 'ATTEMPTS', 'ERROR'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const render = (cells: readonly string[]): string => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  lines.push(render(header), ...rows.map(render));
  return lines.join('\n');
}

function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
