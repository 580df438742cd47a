/**
 * Lowers the CPU priority of the calling thread (not its process). On a machine whose cores are
 * all busy, the main thread (the API's front door and the engine) then runs first and the
 * background work of this thread waits: Lambda's invocations are asynchronous to API Gateway's
 * answers, and on AWS they never share a CPU with it.
 *
 * Linux only: `/proc/thread-self` names this thread's id, and setpriority(2) on a thread id
 * sets that thread's nice value alone. Elsewhere, or when refused, nothing changes.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** Raises this thread's nice value by `steps` (at most to 19); true when it was changed. */
export function lowerThisThreadPriority(steps: number): boolean {
  if (process.platform !== 'linux' || !(steps >= 1)) return false;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isSafeInteger(threadId) || threadId <= 0) return false;
    const niceness = Math.min(19, getPriority(threadId) + Math.floor(steps));
    setPriority(threadId, niceness);
    return getPriority(threadId) === niceness;
  } catch {
    return false;
  }
}
