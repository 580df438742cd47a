/** A name AWS rejects (InvalidName). */
export class InvalidNameError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'InvalidName';
  }
}

// Whitespace, brackets, wildcards, special characters and control characters are not allowed.
const FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;

/**
 * Checks a state machine or execution name as AWS does: 1 to 80 characters, none of
 * whitespace, `< > { } [ ] ? * " # % \ ^ | ~ \` $ & , ; : /` or control characters.
 */
export function validateName(name: string, what: 'execution' | 'state machine'): void {
  if (name.length < 1 || name.length > 80) throw new InvalidNameError(`Invalid Name: '${name}' (the ${what} name must be 1 to 80 characters long)`);
  if (FORBIDDEN.test(name)) throw new InvalidNameError(`Invalid Name: '${name}'`);
}
