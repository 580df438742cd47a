import type { JsonObject, JsonValue } from './json';

/** A state either names its successor or ends its (sub)machine, never both. */
export type Transition = { Next: string; End?: never } | { End: true; Next?: never };

/** Fields every state may carry. */
export interface CommonFields {
  Comment?: string;
}

/** The JSONPath input/output fields; JSONata's `Arguments`/`Output` are excluded. */
export interface JsonPathFilterFields {
  InputPath?: string | null;
  OutputPath?: string | null;
  Arguments?: never;
  Output?: never;
  Condition?: never;
}

/** The JSONata input/output fields; the five JSONPath fields are excluded. */
export interface JsonataOutputFields {
  Output?: JsonValue;
  InputPath?: never;
  OutputPath?: never;
  Parameters?: never;
  ResultSelector?: never;
  ResultPath?: never;
}

/** Variables assigned after a state (JSONPath and JSONata alike). */
export interface AssignFields {
  Assign?: JsonObject;
}

/** Fields of a state that produces a result (Task, Parallel, Map) in JSONPath. */
export interface JsonPathResultFields {
  ResultSelector?: JsonObject;
  ResultPath?: string | null;
}
