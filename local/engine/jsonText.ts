/**
 * JSON.stringify's text, made one flat string. V8 builds a longer text as a tree of parts joined
 * lazily; reading a character joins them once. For a text that is kept (an execution's input
 * and output): the tree takes a tenth more memory, which every garbage collection then copies.
 */
export function keptJsonText(value: unknown): string {
  const text = JSON.stringify(value);
  if (typeof text === 'string' && text.length > 0) text.charCodeAt(0); // (undefined for a function)
  return text;
}

/**
 * An execution's input or output: its value, and its JSON text made when first read, then kept.
 * JSON.stringify costs more than the rest of a short execution's bookkeeping, and most
 * executions' input and output are never read as text in memory (a test reads the status, a
 * caller the value); a store on disk reads the text at once. The value is never changed: the
 * engine makes new objects rather than change a payload.
 */
export class JsonText {
  private made: string | undefined;

  private constructor(
    private readonly value: unknown,
    text: string | undefined,
  ) {
    this.made = text;
  }

  /** The text of `value`, made when first read. */
  public static of(value: unknown): JsonText {
    return new JsonText(value, undefined);
  }

  /** A text already made (read from a store). */
  public static ofText(text: string): JsonText {
    return new JsonText(undefined, text);
  }

  public get text(): string {
    return (this.made ??= keptJsonText(this.value));
  }
}
