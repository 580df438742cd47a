/**
 * Test tokens that force an outcome, in the spirit of Stripe's test cards. Any other token
 * gets a seeded random outcome.
 */
import type { DeclineReason } from '../../workflow/contracts';

/** An outcome a test token forces. */
export type ForcedOutcome =
  | { readonly kind: 'approved' }
  | { readonly kind: 'declined'; readonly reason: DeclineReason }
  /** A transient failure on every attempt up to `untilAttempt` (inclusive), then approval. */
  | { readonly kind: 'transient'; readonly untilAttempt: number };

/** The test tokens, by name. */
export const TEST_TOKENS: Readonly<Record<string, ForcedOutcome>> = {
  tok_visa: { kind: 'approved' },
  tok_mastercard: { kind: 'approved' },
  tok_amex: { kind: 'approved' },
  tok_chargeDeclined: { kind: 'declined', reason: 'card_declined' },
  tok_chargeDeclinedInsufficientFunds: { kind: 'declined', reason: 'insufficient_funds' },
  tok_chargeDeclinedExpiredCard: { kind: 'declined', reason: 'expired_card' },
  tok_chargeDeclinedIncorrectCvc: { kind: 'declined', reason: 'incorrect_cvc' },
  tok_chargeDeclinedLostCard: { kind: 'declined', reason: 'lost_card' },
  tok_chargeDeclinedStolenCard: { kind: 'declined', reason: 'stolen_card' },
  tok_chargeDeclinedFraudulent: { kind: 'declined', reason: 'fraud_suspected' },
  /** Always fails transiently (Stripe's processing_error): retries run out. */
  tok_processingError: { kind: 'transient', untilAttempt: Number.POSITIVE_INFINITY },
  /** Fails transiently once, then approves: exercises the workflow's retry. */
  tok_processingErrorOnce: { kind: 'transient', untilAttempt: 1 },
};

/** The outcome a token forces, if it is a test token. */
export function forcedOutcome(token: string): ForcedOutcome | undefined {
  return Object.prototype.hasOwnProperty.call(TEST_TOKENS, token) ? TEST_TOKENS[token] : undefined;
}
