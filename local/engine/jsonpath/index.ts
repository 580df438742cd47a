/*
 * JSONPath as Amazon States Language uses it in JSONPath-mode states: reading paths (as Jayway
 * JsonPath, which AWS runs), payload templates, InputPath / OutputPath and ResultPath.
 */
export { JsonPathSyntaxError, PathNotFoundError } from './errors';
export { compilePath } from './syntax';
export type { CompiledPath, PathRoot, PathToken } from './syntax';
export { readPath, rootDocument, selectNode } from './readPath';
export type { PathScope } from './readPath';
export { evaluatePayloadTemplate, evaluateDynamicField, readFieldPath } from './payloadTemplate';
export { applyInputPath, applyOutputPath, selectWithPath } from './inputOutputPath';
export { applyResultPath, placeResult } from './resultPath';
export { compactJson, fieldPathNotFound, invalidPath, resultPathMatchFailure } from './causes';
