/**
 * Where each task function's Lambda entry lives (handlers/index.ts), relative to the
 * project root: what esbuild bundles, and which export Lambda calls.
 */
import { TASK_FUNCTIONS } from '../handlers';
import type { HandlerEntry } from './bundle/handlerBundler';
import { byTaskFunction, type TaskFunctionRecord } from './taskFunctionRecord';

/** Each task function's entry file and exported handler. */
export const HANDLER_ENTRIES: TaskFunctionRecord<HandlerEntry> = byTaskFunction((fn) => ({
  entry: TASK_FUNCTIONS[fn].entry,
  exportName: TASK_FUNCTIONS[fn].handlerExport,
}));
