/**
 * JSON Schema (draft 4, the version API Gateway models use) derived from an io-ts codec,
 * so the API validates request bodies against the same contract the workflow decodes.
 */
import * as t from 'io-ts';

/** The draft-4 subset this project emits and validates. */
export interface JsonSchema {
  readonly $schema?: string;
  readonly title?: string;
  readonly type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';
  readonly properties?: { readonly [key: string]: JsonSchema };
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly enum?: readonly (string | number | boolean | null)[];
  readonly anyOf?: readonly JsonSchema[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
}

/** A codec the derivation does not know how to express in JSON Schema. */
export class UnsupportedCodecError extends Error {
  public constructor(codecName: string, kind: string) {
    super(`cannot express codec ${codecName} (${kind}) as JSON Schema`);
    this.name = 'UnsupportedCodecError';
  }
}

/** Merges object schemas (an intersection of `t.strict` and `t.partial` parts) into one. */
const mergeObjects = (parts: readonly JsonSchema[], name: string): JsonSchema => {
  const properties: { [key: string]: JsonSchema } = {};
  const required: string[] = [];
  for (const part of parts) {
    if (part.type !== 'object') throw new UnsupportedCodecError(name, `intersection with ${part.type ?? 'a union'}`);
    Object.assign(properties, part.properties);
    required.push(...(part.required ?? []));
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
};

/** Derives the JSON Schema that accepts exactly the JSON values the codec decodes. */
export const codecToJsonSchema = (codec: t.Mixed): JsonSchema => {
  if (codec instanceof t.StringType) return { type: 'string' };
  if (codec instanceof t.NumberType) return { type: 'number' };
  if (codec instanceof t.BooleanType) return { type: 'boolean' };
  if (codec instanceof t.NullType) return { type: 'null' };
  if (codec instanceof t.KeyofType) return { type: 'string', enum: Object.keys(codec.keys) };
  if (codec instanceof t.LiteralType) return { enum: [codec.value] };
  if (codec instanceof t.ArrayType) return { type: 'array', items: codecToJsonSchema(codec.type) };
  // Extra properties are stripped on decode, not rejected: JSON Schema's default.
  if (codec instanceof t.ExactType) return codecToJsonSchema(codec.type);
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType) {
    const props: { readonly [key: string]: t.Mixed } = codec.props;
    const keys = Object.keys(props);
    const properties = Object.fromEntries(keys.map((key) => [key, codecToJsonSchema(props[key] as t.Mixed)]));
    return codec instanceof t.InterfaceType && keys.length > 0
      ? { type: 'object', properties, required: keys }
      : { type: 'object', properties };
  }
  if (codec instanceof t.IntersectionType) {
    const parts: readonly t.Mixed[] = codec.types;
    return mergeObjects(parts.map(codecToJsonSchema), codec.name);
  }
  if (codec instanceof t.UnionType) {
    const members: readonly t.Mixed[] = codec.types;
    return { anyOf: members.map(codecToJsonSchema) };
  }
  throw new UnsupportedCodecError(codec.name, codec.constructor.name);
};

/**
 * Narrows one property of an object schema (e.g. a format the API needs but the codec does
 * not check). The property must exist.
 */
export const refineProperty = (schema: JsonSchema, property: string, refinement: JsonSchema): JsonSchema => {
  const current = schema.properties?.[property];
  if (current === undefined) throw new UnsupportedCodecError(schema.title ?? 'schema', `no property ${property}`);
  return { ...schema, properties: { ...schema.properties, [property]: { ...current, ...refinement } } };
};
