/**
 * What a module hosted on the Lambda worker thread provides: its functions, built inside the
 * worker (handlers are closures over connections and loggers, which cannot cross threads), and
 * where the logs of invocations made for a caller go.
 */
import type { InvocationRecord, LambdaFunctionDefinition } from '../functionHost';

/** Who an invocation was made for: an execution's Task state, whose logs are kept with it. */
export interface InvocationCaller {
  readonly executionArn: string;
  readonly stateName: string;
}

/** The functions a hosted module deploys, and what the worker does with their invocations. */
export interface HostedFunctions {
  readonly functions: Readonly<Record<string, LambdaFunctionDefinition>>;
  /** Keeps a completed invocation made for `caller` (its logs, with the execution). */
  record?(caller: InvocationCaller, invocation: InvocationRecord): void;
  /**
   * Writes what `record` kept. Called before each batch of answers is sent, so a caller that
   * reads the logs once answered finds them.
   */
  flush?(): void;
  /** Releases what the functions hold (connections), when the worker stops. */
  close?(): void;
}

/**
 * The export the worker calls, by this name, in the module it is given; `config` is the plain
 * data (structured-cloneable) the runtime was started with.
 */
export type DeployFunctions = (config: unknown) => HostedFunctions | Promise<HostedFunctions>;
export const DEPLOY_EXPORT = 'deployFunctions';
