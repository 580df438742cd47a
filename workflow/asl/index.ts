/** A strict, closed model of Amazon States Language JSON (JSONPath and JSONata). */
export type { JsonObject, JsonValue } from './json';
export type { AtMostOne, ExactlyOne } from './exclusive';
export type { JsonataExpression, QueryLanguage } from './queryLanguage';
export type { Transition } from './fields';
export type { ErrorName, ErrorNames, JitterStrategy, JsonPathCatcher, JsonataCatcher, Retrier } from './errorHandling';
export type {
  BooleanExpression,
  ChoiceExpression,
  ComparisonOperator,
  ComparisonOperators,
  DataTestExpression,
  JsonPathChoiceRule,
  JsonataChoiceRule,
} from './choiceRule';
export type {
  ChoiceState,
  FailState,
  ItemBatcher,
  ItemProcessor,
  ItemReader,
  MapState,
  ParallelState,
  PassState,
  ResultWriter,
  State,
  StateType,
  SubMachine,
  SucceedState,
  TaskState,
  WaitState,
} from './states';
export type { JsonPathStateMachineDefinition, JsonataStateMachineDefinition, StateMachineDefinition } from './stateMachine';
