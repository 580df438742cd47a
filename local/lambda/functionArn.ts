/**
 * Lambda's ways of naming a function in Invoke: its name (`validateOrder`), its ARN
 * (`arn:aws:lambda:us-east-1:000000000000:function:validateOrder`), a partial ARN
 * (`000000000000:function:validateOrder`), each optionally qualified (`:$LATEST`).
 */

/** Where the local functions live. */
export interface LambdaLocation {
  readonly region: string;
  readonly accountId: string;
}

/** A function reference, resolved. */
export interface FunctionReference {
  readonly name: string;
  readonly qualifier: string | undefined;
}

const NAME = '[A-Za-z0-9_-]{1,64}';
const QUALIFIER = '(?::(\\$LATEST|[A-Za-z0-9_-]{1,128}))?';
const FULL_ARN = new RegExp(`^arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\\d{12}):function:(${NAME})${QUALIFIER}$`);
const PARTIAL_ARN = new RegExp(`^(\\d{12}):function:(${NAME})${QUALIFIER}$`);
const PLAIN = new RegExp(`^(${NAME})${QUALIFIER}$`);

/** The unqualified ARN of a local function. */
export function functionArn(location: LambdaLocation, name: string): string {
  return `arn:aws:lambda:${location.region}:${location.accountId}:function:${name}`;
}

/**
 * Reads a function reference; `undefined` when it is malformed or names another region or
 * account (Lambda answers ResourceNotFoundException for both here).
 */
export function parseFunctionReference(reference: string, location: LambdaLocation): FunctionReference | undefined {
  const full = FULL_ARN.exec(reference);
  if (full !== null) {
    if (full[1] !== location.region || full[2] !== location.accountId) return undefined;
    return { name: full[3] as string, qualifier: full[4] };
  }
  const partial = PARTIAL_ARN.exec(reference);
  if (partial !== null) {
    if (partial[1] !== location.accountId) return undefined;
    return { name: partial[2] as string, qualifier: partial[3] };
  }
  const plain = PLAIN.exec(reference);
  if (plain !== null) return { name: plain[1] as string, qualifier: plain[2] };
  return undefined;
}
