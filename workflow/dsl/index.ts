/** The typed workflow builder: states, chaining, typed paths and rules, retry/catch, diagnostics, rendering. */
export { Workflow, BuiltWorkflow } from './workflow';
export { StateFactory } from './states';
export type { FailOptions, MapOptions, ParallelOptions, PassOptions, ReadonlyJson, TaskOptions, WaitFor } from './states';
export { Chain, ChoiceFlow, FallibleStep, Flow, Step, Terminal } from './flow';
export type { CaughtError } from './flow';
export type { Rule, Rules } from './rules';
export { LAMBDA_SERVICE_EXCEPTIONS, Retry, retryOn } from './retry';
export { StatesErrors, type StatesError } from './errorNames';
export type { RetryOptions } from './retry';
export { taskFunction } from './taskFunction';
export type { TaskFunction } from './taskFunction';
export type { Diagnostic, DiagnosticCode } from './diagnostics';
export { NoOpenEndError, StateAlreadyConnectedError, WorkflowDefinitionError } from './errors';
export type { DefinitionOptions, ResourceResolver } from './render';
export { describe as describeRule } from './mermaid';
export type {
  ApplyResultPath,
  PathEntries,
  PathOf,
  PathTo,
  ResultPathExpr,
  SelectPath,
  SetAt,
  Simplify,
  TypeAt,
} from './paths';
export type { PayloadExpression, PayloadOf, Template, TemplateFor } from './payload';
