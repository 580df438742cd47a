/**
 * Every JSONPath path in the rendered order workflow exists in the contracts' types: the
 * runtime counterpart of what typed paths guarantee at compile time. Paths are resolved
 * against io-ts codecs: the workflow's data (the Order plus what its states write), a
 * caught error's output, a task's result, a Parallel's tuple of branch results.
 */
import { expect } from 'chai';
import * as t from 'io-ts';
import type { JsonValue, State } from '../../workflow/asl';
import {
  ChargeResult,
  NotificationResult,
  Order,
  RefundResult,
  ReleaseResult,
  ReservationResult,
  TaskContracts,
  TaskFunctionName,
  ValidationResult,
} from '../../workflow/contracts';
import { renderOrderProcessing } from '../../workflow/orderProcessing';

const Caught = t.type({ Error: t.string, Cause: t.string });
const StepError = t.type({ status: t.literal('ERROR'), error: t.string, cause: t.string });
const Skipped = t.type({ status: t.literal('SKIPPED') });

/** The workflow's data: the Order, plus every field a state writes (all optional). */
const WorkflowData = t.intersection([
  Order,
  t.partial({
    validation: ValidationResult,
    caught: Caught,
    results: t.type({ inventory: t.union([ReservationResult, StepError]), payment: t.union([ChargeResult, StepError]) }),
    processingError: Caught,
    failure: t.type({ step: t.string, error: t.string, cause: t.string }),
    compensation: t.type({ inventory: t.union([ReleaseResult, StepError, Skipped]), payment: t.union([RefundResult, StepError, Skipped]) }),
    compensationError: Caught,
    notification: NotificationResult,
    notificationError: Caught,
  }),
]);

/** What each Parallel's branches hand back, in order. */
const PARALLEL_RESULTS: Record<string, t.Mixed> = {
  ProcessOrder: t.tuple([t.union([ReservationResult, StepError]), t.union([ChargeResult, StepError])]),
  Compensate: t.tuple([t.union([ReleaseResult, StepError, Skipped]), t.union([RefundResult, StepError, Skipped])]),
};

/** The codecs found one segment below `codec` (several through unions and intersections). */
function children(codec: unknown, segment: string): unknown[] {
  if (typeof codec !== 'object' || codec === null) return [];
  const c = codec as { props?: Record<string, unknown>; types?: unknown[]; type?: unknown; _tag?: string };
  switch (c._tag) {
    case 'InterfaceType':
    case 'PartialType':
      return c.props && segment in c.props ? [c.props[segment]] : [];
    case 'ExactType':
    case 'RefinementType':
    case 'ReadonlyType':
      return children(c.type, segment);
    case 'IntersectionType':
    case 'UnionType':
      return (c.types ?? []).flatMap((member) => children(member, segment));
    case 'ArrayType':
      return /^\d+$/.test(segment) ? [c.type] : [];
    case 'TupleType':
      return /^\d+$/.test(segment) && c.types && Number(segment) < c.types.length ? [c.types[Number(segment)]] : [];
    default:
      return [];
  }
}

/** Whether `path` (`$`, `$.a.b`, `$.a[0]`) exists in the type `codec` describes. */
function pathExists(codec: t.Mixed, path: string): boolean {
  const segments = path.replace(/^\$/, '').match(/\.[A-Za-z_]\w*|\[\d+\]/g) ?? [];
  if (segments.join('') !== path.replace(/^\$/, '')) return false;
  let current: unknown[] = [codec];
  for (const segment of segments) current = current.flatMap((c) => children(c, segment.replace(/^\.|^\[|\]$/g, '')));
  return current.length > 0;
}

/** The reference paths inside an intrinsic call: `States.Format('{}', $.a)` → `['$.a']`. */
function intrinsicPaths(expression: string): string[] {
  const withoutStrings = expression.replace(/'(?:[^'\\]|\\.)*'/g, "''");
  return withoutStrings.match(/(?<![\w$])\$(?:\.[A-Za-z_]\w*|\[\d+\])*/g) ?? [];
}

/** The paths a payload template reads. */
function templatePaths(template: JsonValue | undefined): string[] {
  if (typeof template !== 'object' || template === null || Array.isArray(template)) return [];
  return Object.entries(template).flatMap(([key, value]) => {
    if (!key.endsWith('.$')) return templatePaths(value);
    if (typeof value !== 'string' || value.startsWith('$$')) return [];
    return value.startsWith('States.') ? intrinsicPaths(value) : [value];
  });
}

interface PathUse {
  state: string;
  field: string;
  path: string;
  codec: t.Mixed;
}

/** Every path of every state, with the codec of the data it is read from (or written to). */
function pathUses(states: { [name: string]: State }, catchTargets: Map<string, string | null | undefined>): PathUse[] {
  const uses: PathUse[] = [];
  for (const [name, state] of Object.entries(states)) {
    const caughtWithoutResultPath = catchTargets.has(name) && catchTargets.get(name) === undefined;
    const input = caughtWithoutResultPath ? Caught : WorkflowData;
    const add = (field: string, path: string | null | undefined, codec: t.Mixed) => {
      if (typeof path === 'string') uses.push({ state: name, field, path, codec });
    };
    if (state.Type === 'Task' || state.Type === 'Pass' || state.Type === 'Parallel') {
      if ('Parameters' in state) templatePaths(state.Parameters).forEach((p) => add('Parameters', p, input));
      if ('ResultPath' in state && !caughtWithoutResultPath) add('ResultPath', state.ResultPath, WorkflowData);
    }
    if (state.Type === 'Task' && 'ResultSelector' in state) {
      const fn = state.Resource.split(':').at(-1);
      if (!TaskFunctionName.is(fn)) throw new Error(`${name}: unknown function ${fn}`);
      templatePaths(state.ResultSelector).forEach((p) => add('ResultSelector', p, TaskContracts[fn].output));
    }
    if (state.Type === 'Parallel') {
      const results = PARALLEL_RESULTS[name];
      if (results === undefined) throw new Error(`No branch results declared for ${name}`);
      if ('ResultSelector' in state) templatePaths(state.ResultSelector).forEach((p) => add('ResultSelector', p, results));
      state.Branches.forEach((branch) => uses.push(...pathUses(branch.States, catchTargetsOf(branch.States))));
    }
    if (state.Type === 'Choice') {
      const variables = (rule: object): string[] =>
        Object.entries(rule).flatMap(([key, value]) =>
          key === 'Variable' || key.endsWith('Path') ? [String(value)] : typeof value === 'object' && value !== null ? variables(value) : [],
        );
      state.Choices.forEach((rule) => variables(rule).forEach((p) => add('Choices', p, input)));
    }
    if (state.Type === 'Fail' && 'ErrorPath' in state) {
      add('ErrorPath', state.ErrorPath, input);
      add('CausePath', state.CausePath, input);
    }
    if ('Catch' in state && state.Catch) state.Catch.forEach((c) => add('Catch.ResultPath', 'ResultPath' in c ? c.ResultPath : undefined, WorkflowData));
  }
  return uses;
}

/** Catch targets of a `States` object and the ResultPath their error output is written at. */
function catchTargetsOf(states: { [name: string]: State }): Map<string, string | null | undefined> {
  const targets = new Map<string, string | null | undefined>();
  for (const state of Object.values(states)) {
    if ('Catch' in state && state.Catch) for (const c of state.Catch) targets.set(c.Next, 'ResultPath' in c ? c.ResultPath : undefined);
  }
  return targets;
}

describe('Workflow: orderProcessing paths', () => {
  const definition = renderOrderProcessing((fn) => `arn:aws:lambda:us-east-1:000000000000:function:${fn}`);
  const uses = pathUses(definition.States, catchTargetsOf(definition.States));

  it('reads and writes only paths that exist in the contracts types', () => {
    const missing = uses.filter((u) => !pathExists(u.codec, u.path)).map((u) => `${u.state}.${u.field}: ${u.path}`);
    expect(missing).to.deep.equal([]);
    expect(uses.length).to.be.greaterThan(50);
  });

  it('checks paths in Parameters, intrinsic functions, Choice rules, Fail, ResultSelector and ResultPath', () => {
    const fields = new Set(uses.map((u) => u.field));
    expect([...fields].sort()).to.deep.equal(['Catch.ResultPath', 'CausePath', 'Choices', 'ErrorPath', 'Parameters', 'ResultPath', 'ResultSelector']);
    expect(uses.map((u) => u.path)).to.include.members(['$.caught.Cause', '$.validation.errors', '$.results.inventory.lines', '$[0]', '$.Error']);
  });

  const NEGATIVE: { path: string; codec: t.Mixed; in: string }[] = [
    { path: '$.results.inventory.stauts', codec: WorkflowData, in: 'the workflow data' },
    { path: '$.items.sku', codec: WorkflowData, in: 'the workflow data' },
    { path: '$[2]', codec: PARALLEL_RESULTS.ProcessOrder as t.Mixed, in: "ProcessOrder's results" },
    { path: '$.orderId', codec: Caught, in: 'a caught error' },
  ];
  for (const { path, codec, in: where } of NEGATIVE) {
    it(`would catch a path that does not exist: ${path} in ${where}`, () => {
      expect(pathExists(codec, path)).to.equal(false);
    });
  }
});
