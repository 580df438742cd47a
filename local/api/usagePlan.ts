/**
 * API Gateway usage plans: a steady request rate with a burst (a token bucket per API key),
 * and a quota of requests per day. Over the rate API Gateway answers 429 "Too Many Requests",
 * over the quota 429 "Limit Exceeded".
 */

/** A usage plan, with API Gateway's field names. */
export interface UsagePlan {
  readonly throttle: {
    /** Steady-state requests per second. */
    readonly rateLimit: number;
    /** Requests allowed at once above the steady rate (the bucket's size). */
    readonly burstLimit: number;
  };
  /** Requests per UTC day; no quota when absent. */
  readonly quota?: { readonly limit: number; readonly period: 'DAY' };
}

/** The verdict on one request. */
export type UsageVerdict = 'allowed' | 'throttled' | 'quotaExceeded';

const DAY_MS = 86_400_000;

interface KeyUsage {
  tokens: number;
  refilledAt: number;
  day: number;
  requestsToday: number;
}

/** Meters each API key's requests against its usage plan. */
export class UsagePlanMeter {
  private readonly usage = new Map<string, KeyUsage>();

  public constructor(
    private readonly plan: UsagePlan,
    private readonly now: () => number = Date.now,
  ) {
    const { rateLimit, burstLimit } = plan.throttle;
    if (!(rateLimit > 0) || !(burstLimit >= 1)) throw new RangeError('a usage plan needs rateLimit > 0 and burstLimit >= 1');
    if (plan.quota !== undefined && !(plan.quota.limit >= 0)) throw new RangeError('a quota limit cannot be negative');
  }

  /** Counts one request by `keyId`, unless it is over the plan. */
  public admit(keyId: string): UsageVerdict {
    const now = this.now();
    const day = Math.floor(now / DAY_MS);
    const usage = this.usage.get(keyId) ?? { tokens: this.plan.throttle.burstLimit, refilledAt: now, day, requestsToday: 0 };
    this.usage.set(keyId, usage);
    if (usage.day !== day) {
      usage.day = day;
      usage.requestsToday = 0;
    }
    if (this.plan.quota !== undefined && usage.requestsToday >= this.plan.quota.limit) return 'quotaExceeded';
    const elapsedMs = Math.max(0, now - usage.refilledAt);
    usage.tokens = Math.min(this.plan.throttle.burstLimit, usage.tokens + (elapsedMs * this.plan.throttle.rateLimit) / 1000);
    usage.refilledAt = now;
    if (usage.tokens < 1) return 'throttled';
    usage.tokens -= 1;
    usage.requestsToday += 1;
    return 'allowed';
  }
}
