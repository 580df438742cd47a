/**
 * A cheap cancellation token for scopes and sleeps. AbortController is costly to create and to
 * abort (it builds a DOMException); an execution makes many scopes and almost never cancels.
 */
export interface CancelToken {
  readonly aborted: boolean;
  /** Calls `listener` once on cancellation; returns a function that unsubscribes. */
  subscribe(listener: () => void): () => void;
}

/**
 * Something told when a Cancellation is cancelled, linked into the token's list through its own
 * fields: hot paths (a child scope, a running task) listen without allocating anything.
 * A listener listens to one token at a time.
 */
export abstract class CancelListener {
  /** @internal The token whose list this listener is in (only Cancellation changes the links). */
  public listeningTo: Cancellation | undefined;
  /** @internal */
  public previousListener: CancelListener | undefined;
  /** @internal */
  public nextListener: CancelListener | undefined;

  public abstract onCancel(): void;
}

/** A cancellable scope: cancelled by its owner or when its parent is. */
export class Cancellation extends CancelListener implements CancelToken {
  public aborted = false;
  public reason: unknown;
  /** Listeners in the order they came: notified in that order. */
  private first: CancelListener | undefined;
  private last: CancelListener | undefined;
  private controller: AbortController | undefined;
  /** The scope this one follows until `release`. */
  private parent: Cancellation | undefined;

  /** A child that is cancelled with this one (call `release` when it is done). */
  public child(): Cancellation {
    const c = new Cancellation();
    if (this.aborted) {
      c.cancel(this.reason);
    } else {
      c.parent = this;
      this.listen(c);
    }
    return c;
  }

  /** The parent was cancelled: so is this scope, for the parent's reason. */
  public onCancel(): void {
    this.cancel(this.parent?.reason);
  }

  public cancel(reason?: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    // Everyone listening now is told, even one a listener unsubscribes on the way.
    const listeners: CancelListener[] = [];
    for (let l = this.first; l !== undefined; l = l.nextListener) listeners.push(l);
    for (const l of listeners) this.unlisten(l);
    for (const l of listeners) l.onCancel();
    this.controller?.abort(reason ?? new Error('cancelled'));
  }

  public subscribe(listener: () => void): () => void {
    if (this.aborted) {
      listener();
      return noop;
    }
    const l = new FunctionListener(listener);
    this.listen(l);
    return () => this.unlisten(l);
  }

  /** Tells `listener` of the cancellation (at once when cancelled already) until `unlisten`. */
  public listen(listener: CancelListener): void {
    if (this.aborted) {
      listener.onCancel();
      return;
    }
    listener.listeningTo = this;
    listener.previousListener = this.last;
    listener.nextListener = undefined;
    if (this.last === undefined) this.first = listener;
    else this.last.nextListener = listener;
    this.last = listener;
  }

  /** Takes `listener` off the list (nothing when it is not on it). */
  public unlisten(listener: CancelListener): void {
    if (listener.listeningTo !== this) return;
    const previous = listener.previousListener;
    const following = listener.nextListener;
    if (previous === undefined) this.first = following;
    else previous.nextListener = following;
    if (following === undefined) this.last = previous;
    else following.previousListener = previous;
    listener.listeningTo = undefined;
    listener.previousListener = undefined;
    listener.nextListener = undefined;
  }

  /** Stops following the parent (the scope has ended). */
  public release(): void {
    this.parent?.unlisten(this);
    this.parent = undefined;
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

/** A function subscribed with `subscribe`. */
class FunctionListener extends CancelListener {
  public constructor(private readonly listener: () => void) {
    super();
  }

  public onCancel(): void {
    this.listener();
  }
}

function noop(): void {}
