/**
 * Lambda's execution environments, in process. Lambda runs one invocation at a time in an
 * environment and reuses idle environments (warm starts); a new one (a cold start) runs the
 * function's initialisation first. A function defined with `createHandler` gets one handler
 * instance per environment, so module-level state such as a Powertools logger's request
 * context or stored metrics is never shared by two invocations running at once.
 */
import type { LambdaContext } from './context';

/** A handler as exported by its entry file (bivariant, so handlers typed with their own event type fit). */
export type LambdaHandler = { bivariant(event: unknown, context: LambdaContext): Promise<unknown> }['bivariant'];

/** One environment: its handler and whether this invocation initialised it. */
export interface Environment {
  readonly handler: LambdaHandler;
  /** How long the initialisation took, on the invocation that created the environment. */
  readonly initMs?: number;
}

/** The idle environments of one function. */
export class EnvironmentPool {
  private readonly idle: LambdaHandler[] = [];

  public constructor(
    private readonly createHandler: () => LambdaHandler,
    private readonly now: () => number,
  ) {}

  /** An idle environment, or a new one (cold start). A failing initialisation throws. */
  public acquire(): Environment {
    const warm = this.idle.pop();
    if (warm !== undefined) return { handler: warm };
    const started = this.now();
    const handler = this.createHandler();
    return { handler, initMs: this.now() - started };
  }

  /** Returns an environment whose invocation has ended, for the next one. */
  public release(environment: Environment): void {
    this.idle.push(environment.handler);
  }

  /** Idle environments now. */
  public get idleCount(): number {
    return this.idle.length;
  }
}
