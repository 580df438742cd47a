import type { Diagnostic } from './diagnostics';

/** The workflow graph has problems; `diagnostics` lists each with its code and state. */
export class WorkflowDefinitionError extends Error {
  public readonly diagnostics: readonly Diagnostic[];

  public constructor(diagnostics: readonly Diagnostic[], options?: ErrorOptions) {
    super(
      `The workflow definition has ${diagnostics.length} problem(s):\n` +
        diagnostics.map((d) => `  ${d.code} ${d.state}: ${d.message}`).join('\n'),
      options,
    );
    this.name = 'WorkflowDefinitionError';
    this.diagnostics = diagnostics;
  }
}

/** A state already has a successor and was given another with `next`. */
export class StateAlreadyConnectedError extends Error {
  public constructor(stateName: string, options?: ErrorOptions) {
    super(`State ${stateName} already has a Next state`, options);
    this.name = 'StateAlreadyConnectedError';
  }
}

/** `next` was called on a flow whose every path already ends (Succeed, Fail, ...). */
export class NoOpenEndError extends Error {
  public constructor(stateName: string, options?: ErrorOptions) {
    super(`The flow starting at ${stateName} has no open end to continue from`, options);
    this.name = 'NoOpenEndError';
  }
}
