/**
 * A minimal JSON Schema draft-4 validator for exactly the keywords the API's models use:
 * type, properties, required, items, enum, anyOf, minLength, maxLength, pattern. Any other
 * keyword throws, so a schema that grows beyond this subset cannot pass unchecked.
 */
import type { JsonSchema } from '../../../infra/api/jsonSchema';

const KNOWN_KEYWORDS = new Set([
  '$schema',
  'title',
  'type',
  'properties',
  'required',
  'items',
  'enum',
  'anyOf',
  'minLength',
  'maxLength',
  'pattern',
]);

/** A schema keyword outside the supported subset. */
export class UnsupportedKeywordError extends Error {
  public constructor(keyword: string) {
    super(`unsupported JSON Schema keyword: ${keyword}`);
    this.name = 'UnsupportedKeywordError';
  }
}

const typeMatches = (type: NonNullable<JsonSchema['type']>, value: unknown): boolean => {
  switch (type) {
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
  }
};

/** Deep equality of JSON values (for `enum`). */
const jsonEqual = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The problems of `value` against `schema`, each as `path: problem`; empty when valid. */
export const validateJsonSchema = (schema: JsonSchema, value: unknown, path = '$'): string[] => {
  for (const keyword of Object.keys(schema)) if (!KNOWN_KEYWORDS.has(keyword)) throw new UnsupportedKeywordError(keyword);
  if (schema.type !== undefined && !typeMatches(schema.type, value)) return [`${path}: expected ${schema.type}`];
  const problems: string[] = [];
  if (schema.enum !== undefined && !schema.enum.some((allowed) => jsonEqual(allowed, value))) {
    problems.push(`${path}: not one of ${JSON.stringify(schema.enum)}`);
  }
  if (schema.anyOf !== undefined && !schema.anyOf.some((option) => validateJsonSchema(option, value, path).length === 0)) {
    problems.push(`${path}: matches no anyOf option`);
  }
  if (typeof value === 'string') {
    // Draft 4 counts characters (code points), not UTF-16 units.
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) problems.push(`${path}: shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && length > schema.maxLength) problems.push(`${path}: longer than ${schema.maxLength}`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) problems.push(`${path}: does not match ${schema.pattern}`);
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    const items = schema.items;
    value.forEach((item, index) => problems.push(...validateJsonSchema(items, item, `${path}[${index}]`)));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!Object.prototype.hasOwnProperty.call(record, key)) problems.push(`${path}: missing ${key}`);
    for (const [key, propertySchema] of Object.entries(schema.properties ?? {})) {
      if (Object.prototype.hasOwnProperty.call(record, key)) problems.push(...validateJsonSchema(propertySchema, record[key], `${path}.${key}`));
    }
  }
  return problems;
};
