import type { LambdaContext } from './observability';

/** A Lambda handler: the event in (decoded inside), the typed result out. */
export type TaskHandler<R> = (event: unknown, context?: LambdaContext) => Promise<R>;

/**
 * A handler whose dependencies are built on first invocation, so that importing a handler
 * module (e.g. to inject local adapters into its factory) reads no environment, loads no
 * AWS SDK and opens no connection. A failed build (e.g. a missing setting) is retried on
 * the next invocation.
 */
export function lazyHandler<R>(build: () => TaskHandler<R> | Promise<TaskHandler<R>>): TaskHandler<R> {
  let built: Promise<TaskHandler<R>> | undefined;
  return async (event, context) => {
    if (built === undefined) {
      const attempt = Promise.resolve().then(build);
      built = attempt;
      attempt.catch(() => {
        if (built === attempt) built = undefined;
      });
    }
    return (await built)(event, context);
  };
}
