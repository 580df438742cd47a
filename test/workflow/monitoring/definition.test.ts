/** The monitoring definition (pure data): well-formed, and covering what the issue asks for. */
import { expect } from 'chai';
import { TASK_FUNCTION_NAMES } from '../../../workflow/contracts';
import {
  BUSINESS_METRICS,
  ORDER_WORKFLOW_ALARMS,
  ORDER_WORKFLOW_DASHBOARD,
  type GraphWidget,
  type MetricQuery,
} from '../../../workflow/monitoring';

const graphs = ORDER_WORKFLOW_DASHBOARD.widgets.filter((w): w is GraphWidget => w.kind === 'graph');
const metricQueries = graphs.flatMap((g) => g.queries.filter((q): q is MetricQuery => q.kind === 'metric'));

/** `namespace metric scope stat` of every query, for coverage checks. */
const described = metricQueries.map((q) => {
  const scope = q.metric.kind === 'business' ? `by ${q.metric.groupBy ?? '-'}` : q.metric.scope.resource === 'function' ? q.metric.scope.fn : q.metric.scope.resource;
  return `${q.metric.namespace} ${q.metric.metricName} ${scope} ${q.stat}`;
});

describe('Constant: ORDER_WORKFLOW_DASHBOARD', () => {
  it('gives every query a CloudWatch-valid id, unique within its widget', () => {
    for (const graph of graphs) {
      const ids = graph.queries.map((q) => q.id);
      expect(new Set(ids).size, graph.title).to.equal(ids.length);
      for (const id of ids) expect(id, graph.title).to.match(/^[a-z][A-Za-z0-9_]*$/);
    }
  });

  it('computes percentages only from queries of the same widget', () => {
    for (const graph of graphs) {
      const ids = new Set(graph.queries.filter((q) => q.kind === 'metric').map((q) => q.id));
      for (const query of graph.queries) {
        if (query.kind !== 'percent') continue;
        for (const id of [...query.numerator, ...query.denominator]) expect(ids.has(id), `${graph.title}: ${id}`).to.equal(true);
      }
    }
  });

  const required = [
    'AWS/States ExecutionsStarted stateMachine Sum',
    'AWS/States ExecutionsSucceeded stateMachine Sum',
    'AWS/States ExecutionsFailed stateMachine Sum',
    'AWS/States ExecutionsTimedOut stateMachine Sum',
    'AWS/States ExecutionTime stateMachine p50',
    'AWS/States ExecutionTime stateMachine p90',
    'AWS/States ExecutionTime stateMachine p99',
    ...TASK_FUNCTION_NAMES.flatMap((fn) => [
      `AWS/Lambda Errors ${fn} Sum`,
      `AWS/Lambda Duration ${fn} Average`,
      `AWS/Lambda Throttles ${fn} Sum`,
    ]),
    'AWS/ApiGateway Count api Sum',
    'AWS/ApiGateway 4XXError api Sum',
    'AWS/ApiGateway 5XXError api Sum',
    'AWS/ApiGateway Latency api p90',
    'OrderWorkflow PaymentsDeclined by reason Sum',
    'OrderWorkflow OutOfStock by sku Sum',
    'OrderWorkflow OrdersRejected by rule Sum',
    'OrderWorkflow NotificationsFailed by outcome Sum',
  ];
  for (const query of required) {
    it(`shows ${query}`, () => {
      expect(described).to.include(query);
    });
  }

  it('shows the success rate as succeeded over finished executions', () => {
    const rates = graphs.flatMap((g) => g.queries).filter((q) => q.kind === 'percent');
    expect(rates).to.deep.equal([
      {
        kind: 'percent',
        id: 'successRate',
        label: 'Succeeded / finished',
        numerator: ['succeeded'],
        denominator: ['succeeded', 'failed', 'timedOut', 'aborted'],
      },
    ]);
  });

  it('shows every business metric', () => {
    const shown = metricQueries.filter((q) => q.metric.kind === 'business').map((q) => q.metric.metricName);
    expect(shown).to.have.members(Object.keys(BUSINESS_METRICS));
  });
});

describe('Constant: ORDER_WORKFLOW_ALARMS', () => {
  it('has unique ids', () => {
    const ids = ORDER_WORKFLOW_ALARMS.map((a) => a.id);
    expect(new Set(ids).size).to.equal(ids.length);
  });

  const required: readonly [string, string, string][] = [
    ['AWS/States', 'ExecutionsFailed', 'stateMachine'],
    ['AWS/States', 'ExecutionsTimedOut', 'stateMachine'],
    ['AWS/States', 'ExecutionThrottled', 'stateMachine'],
    ['AWS/ApiGateway', '5XXError', 'api'],
    ...TASK_FUNCTION_NAMES.map((fn): [string, string, string] => ['AWS/Lambda', 'Errors', fn]),
  ];
  for (const [namespace, metricName, scope] of required) {
    it(`alarms on ${namespace} ${metricName} of ${scope}`, () => {
      const found = ORDER_WORKFLOW_ALARMS.filter(
        (a) =>
          a.metric.namespace === namespace &&
          a.metric.metricName === metricName &&
          (a.metric.scope.resource === 'function' ? a.metric.scope.fn : a.metric.scope.resource) === scope,
      );
      expect(found).to.have.length(1);
      expect(found[0]).to.deep.include({ stat: 'Sum', threshold: 1, comparison: 'GreaterThanOrEqualToThreshold' });
    });
  }
});
