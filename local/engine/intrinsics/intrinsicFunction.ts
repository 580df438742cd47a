import type { IntrinsicCall } from './syntax';

/** One intrinsic function: its name, how many arguments it takes, and what it does. */
export interface IntrinsicFunction {
  /** The ASL name, e.g. `States.Format`. */
  readonly name: string;
  readonly minArgs: number;
  /** `Infinity` for functions that take any number of arguments. */
  readonly maxArgs: number;
  /**
   * Computes the result from the evaluated arguments. `call` is the parsed invocation, for the
   * functions that depend on how an argument was written (States.Format's template literal).
   *
   * @throws StatesError when the arguments are invalid.
   */
  apply(args: readonly unknown[], call: IntrinsicCall): unknown;
}
