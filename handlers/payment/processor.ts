/**
 * A simulated payment processor. The outcome is a pure function of (seed, orderId, attempt)
 * and the token, so runs repeat exactly; the rates of approval, decline and transient
 * failure are configurable.
 */
import { createHash } from 'node:crypto';
import type { DeclineReason } from '../../workflow/contracts';
import { forcedOutcome } from './testTokens';

/** The simulator's settings. Rates are relative weights; they need not sum to 1. */
export interface ProcessorConfig {
  /** @default 42 */
  readonly seed: number;
  /** @default 0.9 */
  readonly approvalRate: number;
  /** @default 0.07 */
  readonly declineRate: number;
  /** @default 0.03 */
  readonly transientRate: number;
}

/** The default settings. */
export const DEFAULT_PROCESSOR_CONFIG: ProcessorConfig = { seed: 42, approvalRate: 0.9, declineRate: 0.07, transientRate: 0.03 };

/** What the processor answered to one attempt. */
export type ProcessorDecision =
  | { readonly kind: 'approved' }
  | { readonly kind: 'declined'; readonly reason: DeclineReason }
  | { readonly kind: 'transient' };

/** Reasons a random decline picks from, weighted towards the common ones. */
const RANDOM_DECLINE_REASONS: readonly DeclineReason[] = [
  'insufficient_funds',
  'insufficient_funds',
  'insufficient_funds',
  'card_declined',
  'card_declined',
  'expired_card',
  'incorrect_cvc',
  'lost_card',
  'stolen_card',
  'fraud_suspected',
];

/** Two uniform numbers in [0, 1) derived from the inputs (SHA-256, 48 bits each). */
function uniforms(seed: number, orderId: string, attempt: number): [number, number] {
  const digest = createHash('sha256').update(`${seed}\u0000${orderId}\u0000${attempt}`).digest();
  return [digest.readUIntBE(0, 6) / 2 ** 48, digest.readUIntBE(6, 6) / 2 ** 48];
}

/** Checks a configuration: finite, non-negative rates with a positive sum. */
export function checkProcessorConfig(config: ProcessorConfig): ProcessorConfig {
  const rates = [config.approvalRate, config.declineRate, config.transientRate];
  if (!Number.isFinite(config.seed) || rates.some((rate) => !Number.isFinite(rate) || rate < 0) || rates.every((rate) => rate === 0)) {
    throw new RangeError('payment processor rates must be non-negative numbers, not all zero, and the seed finite');
  }
  return config;
}

/** Decides attempt number `attempt` (1, 2, …) of charging the order with the token. */
export function decideCharge(config: ProcessorConfig, orderId: string, attempt: number, token: string): ProcessorDecision {
  const forced = forcedOutcome(token);
  if (forced !== undefined) {
    if (forced.kind !== 'transient') return forced;
    return attempt <= forced.untilAttempt ? { kind: 'transient' } : { kind: 'approved' };
  }
  const [draw, reasonDraw] = uniforms(config.seed, orderId, attempt);
  const total = config.approvalRate + config.declineRate + config.transientRate;
  const point = draw * total;
  if (point < config.approvalRate) return { kind: 'approved' };
  if (point < config.approvalRate + config.declineRate) {
    return { kind: 'declined', reason: RANDOM_DECLINE_REASONS[Math.floor(reasonDraw * RANDOM_DECLINE_REASONS.length)] };
  }
  return { kind: 'transient' };
}

/** A stable id for the order's charge (`ch_…`) or refund (`re_…`), reproducible per seed. */
export function paymentId(prefix: 'ch' | 're', seed: number, orderId: string): string {
  return `${prefix}_${createHash('sha256').update(`${prefix}\u0000${seed}\u0000${orderId}`).digest('hex').slice(0, 24)}`;
}
