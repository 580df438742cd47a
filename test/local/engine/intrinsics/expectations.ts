import { expect } from 'chai';
import { StatesError } from '../../../../local/engine/errors';
import { evaluateIntrinsic } from '../../../../local/engine/intrinsics';
import { inputScope } from './inputScope';

/** One call, its state input, and what AWS returns for it. */
export interface IntrinsicCase {
  expression: string;
  input?: unknown;
  expected: unknown;
  /** Where the expectation comes from, e.g. 'corpus 612'. */
  source?: string;
}

/** One call that must fail, and the cause detail it must fail with. */
export interface IntrinsicFailureCase {
  expression: string;
  input?: unknown;
  cause: string;
}

/** Registers one `it` per case, asserting the result deep-equals the expectation. */
export function itEvaluates(cases: readonly IntrinsicCase[]): void {
  for (const { expression, input, expected, source } of cases) {
    const label = `${expression} on ${JSON.stringify(input ?? null)}${source === undefined ? '' : ` (${source})`}`;
    it(`evaluates ${label}`, () => {
      // Act
      const result = evaluateIntrinsic(expression, inputScope(input));

      // Assess
      expect(result).to.deep.equal(expected);
    });
  }
}

/** Registers one `it` per case, asserting a States.Runtime error with that cause. */
export function itFails(cases: readonly IntrinsicFailureCase[]): void {
  for (const { expression, input, cause } of cases) {
    it(`fails ${expression} on ${JSON.stringify(input ?? null)}`, () => {
      // Act
      const error = catchStatesError(() => evaluateIntrinsic(expression, inputScope(input)));

      // Assess
      expect({ error: error.error, cause: error.cause }).to.deep.equal({ error: 'States.Runtime', cause });
    });
  }
}

/** The StatesError `act` throws; fails the test when it throws nothing or something else. */
export function catchStatesError(act: () => unknown): StatesError {
  try {
    act();
  } catch (error) {
    if (error instanceof StatesError) return error;
    throw error;
  }
  throw new Error('expected a StatesError, nothing was thrown');
}
