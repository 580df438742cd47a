/*
 * Errors of the JSONPath reader itself, worded as Jayway JsonPath (the library AWS Step Functions
 * uses) words them. They know nothing of states: the callers in this folder turn them into the
 * StatesErrors AWS reports (see causes.ts).
 */

/** A path that is not valid JSONPath syntax (Jayway's InvalidPathException). */
export class JsonPathSyntaxError extends Error {
  /** The path as written. */
  public readonly path: string;

  public constructor(path: string, detail: string, options?: ErrorOptions) {
    super(detail, options);
    this.name = 'JsonPathSyntaxError';
    this.path = path;
  }
}

/**
 * A valid path that selects nothing in the document (Jayway's PathNotFoundException), e.g.
 * "No results for path: $['missing']".
 */
export class PathNotFoundError extends Error {
  /** The path as written, e.g. `$.missing`. */
  public readonly path: string;

  public constructor(path: string, detail: string, options?: ErrorOptions) {
    super(detail, options);
    this.name = 'PathNotFoundError';
    this.path = path;
  }
}
