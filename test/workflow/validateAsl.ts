import { createRequire } from 'node:module';

/** What asl-validator returns. */
export interface AslValidation {
  isValid: boolean;
  errorsText: (separator?: string) => string;
}

type Validator = (definition: unknown) => AslValidation;

function loadValidator(): Validator {
  // asl-validator ships no type declarations: check that it is the function it documents.
  const loaded: unknown = createRequire(__filename)('asl-validator');
  if (typeof loaded !== 'function') throw new TypeError('asl-validator does not export a function');
  return (definition) => {
    const result: unknown = loaded(definition);
    if (typeof result !== 'object' || result === null || !('isValid' in result) || !('errorsText' in result)) {
      throw new TypeError('asl-validator returned an unexpected value');
    }
    const { isValid, errorsText } = result;
    if (typeof isValid !== 'boolean' || typeof errorsText !== 'function') throw new TypeError('asl-validator returned an unexpected value');
    return { isValid, errorsText: (separator?: string) => String(errorsText(separator)) };
  };
}

const validator = loadValidator();

/** Validates an ASL definition with asl-validator (on a copy: it annotates what it reads). */
export function validateAsl(definition: unknown): AslValidation {
  return validator(structuredClone(definition));
}
