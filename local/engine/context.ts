import { Json, JsonObject } from './json';

/** What the context object (`$$`, `$states.context`) says about the running execution. */
export interface ExecutionContext {
  executionArn: string;
  name: string;
  input: Json;
  startTime: string;
  roleArn: string;
  /** Standard executions only: Express executions cannot be redriven and show no RedriveCount. */
  redriveCount?: number;
  stateMachineArn: string;
  stateMachineName: string;
}

/** Where in the execution the context object is read: a state, a retry, a Map item. */
export interface StateContextInfo {
  name: string;
  enteredTime: string;
  retryCount?: number;
  mapItem?: { index: number; value: Json };
  taskToken?: string;
}

/** Builds the context object as AWS shows it to a state. */
export function buildContextObject(execution: ExecutionContext, state: StateContextInfo): JsonObject {
  const stateObj: JsonObject = { Name: state.name, EnteredTime: state.enteredTime };
  if (state.retryCount !== undefined) stateObj.RetryCount = state.retryCount;
  const exec: JsonObject = {
    Id: execution.executionArn,
    Input: execution.input,
    StartTime: execution.startTime,
    Name: execution.name,
    RoleArn: execution.roleArn,
  };
  if (execution.redriveCount !== undefined) exec.RedriveCount = execution.redriveCount;
  const ctx: JsonObject = {
    Execution: exec,
    StateMachine: { Id: execution.stateMachineArn, Name: execution.stateMachineName },
    State: stateObj,
  };
  if (state.mapItem !== undefined) ctx.Map = { Item: { Index: state.mapItem.index, Value: state.mapItem.value } };
  if (state.taskToken !== undefined) ctx.Task = { Token: state.taskToken };
  return ctx;
}
