/**
 * The engine's one door to the JSONPath side of ASL (paths, payload templates, Choice rules),
 * implemented in ../jsonpath and ../choice.
 */
// Straight from the modules, not through the folders' index files: a call through a re-export
// costs ten times a direct one when the engine runs under tsx (the re-export is a getter calling
// a getter), and these run for every state.
import * as selectChoiceModule from '../choice/selectChoice';
import { ChoiceOutcome } from '../choice/selectChoice';
import { Json } from '../json';
import * as inputOutputPathModule from '../jsonpath/inputOutputPath';
import { selectWithPath as selectPathValue } from '../jsonpath/inputOutputPath';
import * as payloadTemplateModule from '../jsonpath/payloadTemplate';
import { readPath as readPathValue } from '../jsonpath/readPath';
import * as resultPathModule from '../jsonpath/resultPath';

// Bound once at load: under tsx (esbuild) every use of a named import is a call to a getter.
const { matchChoice: selectChoiceRule } = selectChoiceModule;
const { evaluatePayloadTemplate: evaluateTemplate } = payloadTemplateModule;
const { placeResult } = resultPathModule;
const { applyInputPath: selectInput, applyOutputPath: selectOutput } = inputOutputPathModule;

/** What a JSONPath expression can see: `$`, `$$` and the variables. */
export interface JsonPathScope {
  input: Json;
  context: Json;
  variables: Readonly<Record<string, Json>>;
}

/** The same scope with another `$` (keeping `$$` lazy). */
function withInput(scope: JsonPathScope, input: Json): JsonPathScope {
  return new InputOverride(input, scope);
}

class InputOverride implements JsonPathScope {
  public readonly variables: Readonly<Record<string, Json>>;

  public constructor(
    public readonly input: Json,
    private readonly base: JsonPathScope,
  ) {
    this.variables = base.variables;
  }

  public get context(): Json {
    return this.base.context;
  }
}

/** InputPath: the part of the raw input the state works on (`null` → `{}`). */
export function applyInputPath(input: Json, inputPath: string | null | undefined, scope: JsonPathScope): Json {
  if (inputPath === undefined || inputPath === '$') return input;
  return selectInput(inputPath, withInput(scope, input)) as Json;
}

/** Parameters / ResultSelector / ItemSelector / Assign: a payload template evaluated against a scope. */
export function evaluatePayloadTemplate(template: Json, scope: JsonPathScope): Json {
  return evaluateTemplate(template, scope) as Json;
}

/**
 * ResultPath: where the result goes in the raw input (`null` keeps the input). The output shares
 * nodes with the input and the result: the engine never changes a value in place (a state's
 * data, its history and its memo share them), so only the path to the result is copied.
 */
export function applyResultPath(input: Json, resultPath: string | null | undefined, result: Json): Json {
  if (resultPath === undefined || resultPath === '$') return result;
  return placeResult(input, resultPath, result) as Json;
}

/** OutputPath: the part of the state's output passed on (`null` → `{}`). */
export function applyOutputPath(output: Json, outputPath: string | null | undefined, scope: JsonPathScope): Json {
  if (outputPath === undefined || outputPath === '$') return output;
  return selectOutput(outputPath, withInput(scope, output)) as Json;
}

/** Reads one path (`$.a`, `$$.Execution.Id`, `$var.x`); throws when it selects nothing. */
export function readPath(path: string, scope: JsonPathScope): Json {
  return readPathValue(path, scope) as Json;
}

/** Reads one path as ItemsPath / InputPath do; States.Runtime "Invalid path" when it selects nothing. */
export function selectWithPath(path: string, scope: JsonPathScope): Json {
  return selectPathValue(path, scope) as Json;
}

/** The Next of the first matching choice rule (else Default) and which rule it was. */
export function matchChoice(state: { Choices?: readonly unknown[]; Default?: string }, scope: JsonPathScope): ChoiceOutcome {
  return selectChoiceRule(state, scope);
}
