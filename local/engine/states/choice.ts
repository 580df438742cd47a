import { StatesError, StatesErrorName } from '../errors';
import * as dataflowModule from '../dataflow';
import { evaluateAssign, jsonataOutput, jsonataScope } from '../dataflow';
import { inState, queryEvaluationError } from '../failures';
import { Json, JsonObject } from '../json';
import { evaluateJsonataValue, expressionText, isJsonataExpression } from '../jsonata/evaluate';
import * as jsonPathModule from '../query/jsonPath';
import { ChoiceOutcome, NO_CHOICE_MATCHED_CAUSE } from '../choice';
import { StateContext, StateResult } from '../runtime';

// Bound once at load: under tsx (esbuild) every use of a named import is a call to a getter.
const { jsonPathAssign, jsonPathInput, jsonPathOutputPath, jsonPathScope } = dataflowModule;
const jp = { ...jsonPathModule };

async function conditionHolds(sc: StateContext, rule: JsonObject, raw: Json, index: number): Promise<boolean> {
  const condition = rule.Condition;
  if (typeof condition === 'boolean') return condition;
  if (!isJsonataExpression(condition)) {
    throw queryEvaluationError(sc.ref, `The Condition of choice rule #${index} is not a JSONata expression`);
  }
  const value = await evaluateJsonataValue(condition, jsonataScope(sc, raw), sc.ref, `Choices[${index}].Condition`);
  if (typeof value !== 'boolean') {
    throw queryEvaluationError(
      sc.ref,
      `The JSONata expression '${expressionText(condition)}' specified for the field 'Condition' returned an unexpected result type. Expected 'boolean', but was '${jsonType(value)}' for value: ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function jsonType(v: Json): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

function noChoiceMatched(): StatesError {
  return new StatesError(StatesErrorName.NoChoiceMatched, NO_CHOICE_MATCHED_CAUSE);
}

/** Choice: the first matching rule's Next (else Default), with that rule's Assign and Output. */
export async function runChoice(sc: StateContext, raw: Json): Promise<StateResult> {
  const { state } = sc;
  const rules = (state.Choices ?? []) as JsonObject[];
  if (sc.language === 'JSONata') {
    let chosen: JsonObject | undefined;
    for (let i = 0; i < rules.length && chosen === undefined; i++) {
      if (await conditionHolds(sc, rules[i], raw, i)) chosen = rules[i];
    }
    const next = chosen !== undefined ? (chosen.Next as string) : state.Default;
    if (next === undefined) throw noChoiceMatched();
    const assignTemplate = (chosen?.Assign as JsonObject | undefined) ?? state.Assign;
    const outputTemplate = chosen?.Output !== undefined ? chosen.Output : state.Output;
    const assigned = await evaluateAssign(sc, assignTemplate, raw, { input: raw });
    const output = await jsonataOutput(sc, outputTemplate, raw, { input: raw });
    return { output, next, assigned };
  }
  return runChoiceJsonPath(sc, raw);
}

/** Choice in JSONPath, which needs no await: the interpreter runs it synchronously. */
export function runChoiceJsonPath(sc: StateContext, raw: Json): StateResult {
  const { state } = sc;
  const rules = (state.Choices ?? []) as JsonObject[];
  const filtered = jsonPathInput(sc, raw);
  let outcome: ChoiceOutcome;
  try {
    outcome = jp.matchChoice(state, jsonPathScope(sc, filtered));
  } catch (e) {
    throw inState(sc.ref, e);
  }
  const { next, ruleIndex } = outcome;
  const chosen = ruleIndex === undefined ? undefined : rules[ruleIndex];
  const assignTemplate = (chosen?.Assign as JsonObject | undefined) ?? state.Assign;
  const assigned = jsonPathAssign(sc, assignTemplate, filtered);
  return { output: jsonPathOutputPath(sc, filtered), next, assigned };
}
