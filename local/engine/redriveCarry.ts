import { StateMachineDefinition } from './definition';
import { RecordedEvent } from './history';
import { Json } from './json';
import { TopLevelCheckpoint } from './runtime';

/**
 * What a redrive carries over of the top-level Parallel or Map state it starts from: the outputs
 * of the branches or iterations that succeeded in its earlier attempts. AWS "reschedules and
 * redrives only the iterations and branches that failed or aborted"; the others are not run
 * again (a branch that charged a card must not charge it twice), and their outputs are used.
 */
export interface RedriveCarry {
  /** The top-level state the redrive starts from. */
  readonly state: string;
  /** Output by branch or iteration index. */
  readonly outputs: ReadonlyMap<number, Json>;
}

/** The lane of an event: its key without the trailing `#count`. */
function laneOf(key: string): string {
  return key.slice(0, key.lastIndexOf('#'));
}

/** A redrive's top-level lane (`r1`, `r2`…; see prepareRun). */
const REDRIVE_LANE = /^r\d+$/;
const DIGITS = /^\d+$/;

/**
 * The outputs of the branches or iterations of `checkpoint.state` (a top-level Parallel or Map)
 * that succeeded in their latest attempt since the execution last moved into that state, read
 * from the recorded history; undefined when none did (or the state is neither).
 *
 * Its attempts: the state's Parallel/MapStateStarted events on top-level lanes, from its latest
 * entry by a transition (not a redrive re-entering it, which is its redrive lane's first event)
 * on. A branch lane is `<started key>/b<i>`, an iteration lane `<started key>/i<i>`. An attempt
 * that ran a branch decides its outcome; one that skipped it (a redrive carrying it) leaves it.
 */
export function redriveCarry(recorded: readonly RecordedEvent[], checkpoint: TopLevelCheckpoint, definition: StateMachineDefinition): RedriveCarry | undefined {
  const state = definition.States[checkpoint.state];
  if (state === undefined || (state.Type !== 'Parallel' && state.Type !== 'Map')) return undefined;
  // What the latest redrive found: a redriven run resumed after a crash carries the same again.
  const history = recorded.slice(0, lastRedriven(recorded));
  const from = latestEntry(history, checkpoint.state);
  if (from < 0) return undefined;
  const childTag = state.Type === 'Parallel' ? '/b' : '/i';
  const outputs = new Map<number, Json>();
  /** The current attempt's lanes start with this (`<started key>/b`); the indexes it has run, and their latest exits. */
  let prefix: string | undefined;
  const ran = new Set<number>();
  const lastExit = new Map<number, Json>();
  for (let i = from; i < history.length; i++) {
    const { key, event } = history[i];
    if (!key.includes('/')) {
      if (event.type === 'ParallelStateStarted' || event.type === 'MapStateStarted') {
        prefix = `${key}${childTag}`;
        ran.clear();
        lastExit.clear();
      }
      continue;
    }
    const lane = laneOf(key);
    if (prefix === undefined || !lane.startsWith(prefix) || !DIGITS.test(lane.slice(prefix.length))) continue;
    const index = Number(lane.slice(prefix.length));
    if (!ran.has(index)) {
      ran.add(index);
      outputs.delete(index); // this attempt runs it again: its earlier outcome no longer stands
    }
    const exited = event.stateExitedEventDetails as { name: string; output: Json } | undefined;
    if (exited !== undefined) {
      lastExit.set(index, exited.output);
      if (state.Type === 'Parallel' && endsBranch(state.Branches?.[index], exited.name)) outputs.set(index, exited.output);
    } else if (event.type === 'MapIterationSucceeded' && lastExit.has(index)) {
      outputs.set(index, lastExit.get(index)!);
    }
  }
  return outputs.size === 0 ? undefined : { state: checkpoint.state, outputs };
}

/** The index of the latest ExecutionRedriven event (the history's length when there is none). */
function lastRedriven(history: readonly RecordedEvent[]): number {
  for (let i = history.length - 1; i >= 0; i--) if (history[i].event.type === 'ExecutionRedriven') return i;
  return history.length;
}

/**
 * Whether a run that resumes at `checkpoint` is a redriven run that had not yet left the state it
 * was redriven from (its checkpoint is still its redrive lane's start): it carries what the
 * redrive carried, or it would run again the branches the redrive kept.
 */
export function resumesRedrivenState(checkpoint: TopLevelCheckpoint): boolean {
  return REDRIVE_LANE.test(checkpoint.lane.key) && checkpoint.lane.count === 0;
}

/** Whether a state's exit ends its branch (End, or a Succeed state). */
function endsBranch(branch: StateMachineDefinition | undefined, name: string): boolean {
  const s = branch?.States[name];
  return s !== undefined && (s.End === true || s.Type === 'Succeed');
}

/**
 * Where the execution last entered `state` on its top level by a transition (or at its start):
 * the index of that StateEntered event, or -1.
 */
function latestEntry(history: readonly RecordedEvent[], state: string): number {
  for (let i = history.length - 1; i >= 0; i--) {
    const { key, event } = history[i];
    if (key.includes('/') || !event.type.endsWith('StateEntered')) continue;
    const entered = event.stateEnteredEventDetails as { name?: string } | undefined;
    if (entered?.name !== state) continue;
    const lane = laneOf(key);
    if (REDRIVE_LANE.test(lane) && key === `${lane}#0`) continue; // a redrive re-entering it
    return i;
  }
  return -1;
}
