/** Awaiting a promise that must fail, or calling a function that must throw, to assert on what it failed with. */

/** The reason `promise` rejected with; throws if it fulfilled instead. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** What `fn` threw; throws if it returned instead. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
