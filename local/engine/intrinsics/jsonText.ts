/**
 * JSON text as AWS writes it (States.JsonToString, values inside States.Format): compact, keys in
 * their order, and numbers as its Java runtime prints them.
 */
export function jsonText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return numberText(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (Array.isArray(value)) return `[${value.map((item) => jsonText(item)).join(',')}]`;
      return `{${Object.entries(value)
        .filter(([, member]) => member !== undefined)
        .map(([key, member]) => `${JSON.stringify(key)}:${jsonText(member)}`)
        .join(',')}}`;
    default:
      return 'null';
  }
}

/**
 * A number as Java prints it: integers in plain digits (JSON integers are long or BigInteger
 * there), other values as Double.toString does, in scientific notation ("1.0E-4", "1.5E7")
 * outside [10^-3, 10^7).
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return 'null';
  if (Number.isInteger(value)) return Number.isSafeInteger(value) ? String(value + 0) : BigInt(value).toString();
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) return String(value);
  const [mantissa, exponent] = value.toExponential().split('e');
  const digits = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${digits}E${Number(exponent)}`;
}
