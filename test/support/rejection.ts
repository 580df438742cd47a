/** Awaiting a promise that must fail, to assert on what it failed with. */

/** The reason `promise` rejected with; throws if it fulfilled instead. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
