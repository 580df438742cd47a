/**
 * A cheap cancellation token for scopes and sleeps. AbortController is costly to create and to
 * abort (it builds a DOMException); an execution makes many scopes and almost never cancels.
 */
export interface CancelToken {
  readonly aborted: boolean;
  /** Calls `listener` once on cancellation; returns a function that unsubscribes. */
  subscribe(listener: () => void): () => void;
}

/** A cancellable scope: cancelled by its owner or when its parent is. */
export class Cancellation implements CancelToken {
  public aborted = false;
  public reason: unknown;
  private listeners: Set<() => void> | undefined;
  private controller: AbortController | undefined;
  private unlinkParent: (() => void) | undefined;

  /** A child that is cancelled with this one (call `release` when it is done). */
  public child(): Cancellation {
    const c = new Cancellation();
    if (this.aborted) c.cancel(this.reason);
    else c.unlinkParent = this.subscribe(() => c.cancel(this.reason));
    return c;
  }

  public cancel(reason?: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = this.listeners;
    this.listeners = undefined;
    if (listeners) for (const l of listeners) l();
    this.controller?.abort(reason ?? new Error('cancelled'));
  }

  public subscribe(listener: () => void): () => void {
    if (this.aborted) {
      listener();
      return noop;
    }
    (this.listeners ??= new Set()).add(listener);
    return () => this.listeners?.delete(listener);
  }

  /** Stops following the parent (the scope has ended). */
  public release(): void {
    this.unlinkParent?.();
    this.unlinkParent = undefined;
  }

  /** An AbortSignal that follows this token, made on first use. */
  public get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.reason ?? new Error('cancelled'));
    }
    return this.controller.signal;
  }
}

function noop(): void {}
