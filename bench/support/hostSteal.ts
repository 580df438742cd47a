import { readFileSync } from 'node:fs';

/** The machine's CPU time (all cores, in clock ticks) and the part the hypervisor gave to others (steal), from /proc/stat. */
export interface MachineTicks {
  readonly total: number;
  readonly steal: number;
}

/** The machine's CPU ticks now (NaN where /proc/stat cannot be read). */
export function machineTicks(): MachineTicks {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    return { total: fields.reduce((sum, n) => sum + n, 0), steal: fields[7] ?? 0 };
  } catch {
    return { total: Number.NaN, steal: Number.NaN };
  }
}

/**
 * The share of the machine's CPU time the hypervisor gave to other machines since `before`, in %:
 * on a shared VM, what tells a slow round caused by the host from one caused by the code.
 */
export function stealPercentSince(before: MachineTicks): number {
  const after = machineTicks();
  return (100 * (after.steal - before.steal)) / (after.total - before.total);
}
