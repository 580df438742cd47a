/**
 * Every metric the deployed dashboard shows and every alarm watches is one that a resource
 * of this stack emits: AWS service metrics keyed by this stack's resources, business
 * metrics by the handler bundles that publish them.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { BUSINESS_METRICS, type BusinessMetric } from '../../../workflow/monitoring';
import { loadProgram, named, ofType, str, type LoadedProgram } from '../support/loadProgram';

/** What each AWS service emits per resource (CloudWatch's metric reference), and how it is keyed. */
const SERVICE_METRICS: Record<string, { readonly resourceType: string; readonly dimensions: readonly string[]; readonly metrics: readonly string[] }> = {
  'AWS/States': {
    resourceType: 'aws:sfn/stateMachine:StateMachine',
    dimensions: ['StateMachineArn'],
    metrics: ['ExecutionTime', 'ExecutionThrottled', 'ExecutionsAborted', 'ExecutionsFailed', 'ExecutionsStarted', 'ExecutionsSucceeded', 'ExecutionsTimedOut'],
  },
  'AWS/Lambda': {
    resourceType: 'aws:lambda/function:Function',
    dimensions: ['FunctionName'],
    metrics: ['Invocations', 'Errors', 'Throttles', 'Duration', 'ConcurrentExecutions'],
  },
  'AWS/ApiGateway': {
    resourceType: 'aws:apigateway/restApi:RestApi',
    dimensions: ['ApiName', 'Stage'],
    metrics: ['Count', '4XXError', '5XXError', 'Latency', 'IntegrationLatency'],
  },
};

/** A metric as a dashboard row or an alarm names it. */
interface NamedMetric {
  readonly where: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Record<string, string>;
}

/** A business-metric search as the dashboard names it. */
interface NamedSearch {
  readonly where: string;
  readonly namespace: string;
  readonly dimensions: readonly string[];
  readonly metricName: string;
}

const SEARCH = /^SEARCH\('\{([^}]*)\} MetricName="([^"]+)"', '[A-Za-z0-9]+', \d+\)$/;

describe('Monitoring: every metric shown or alarmed on is emitted by this stack', function () {
  this.timeout(180_000);
  let program: LoadedProgram;
  const metrics: NamedMetric[] = [];
  const searches: NamedSearch[] = [];

  before(async () => {
    program = await loadProgram();
    const body: unknown = JSON.parse(str(named(program, 'aws:cloudwatch/dashboard:Dashboard', 'order-monitoring'), 'dashboardBody'));
    const widgets: unknown = body !== null && typeof body === 'object' ? Reflect.get(body, 'widgets') : [];
    for (const widget of Array.isArray(widgets) ? widgets : []) {
      const properties: unknown = Reflect.get(widget, 'properties');
      const title = String(Reflect.get(Object(properties), 'title') ?? 'text');
      const rows: unknown = Reflect.get(Object(properties), 'metrics');
      for (const row of Array.isArray(rows) ? rows : []) {
        if (!Array.isArray(row)) continue;
        const [first, second, ...rest] = row;
        if (typeof first === 'string') {
          const pairs = rest.filter((x): x is string => typeof x === 'string');
          const dimensions: Record<string, string> = {};
          for (let i = 0; i + 1 < pairs.length; i += 2) dimensions[pairs[i] ?? ''] = pairs[i + 1] ?? '';
          metrics.push({ where: title, namespace: first, metricName: String(second), dimensions });
        } else {
          const expression = String(Reflect.get(Object(first), 'expression'));
          const search = SEARCH.exec(expression);
          if (search === null) {
            // Metric math over the widget's own queries, which are checked themselves.
            expect(expression, title).to.match(/^100 \* \(/);
            continue;
          }
          const [namespace = '', ...dimensions] = (search[1] ?? '').split(',');
          searches.push({ where: title, namespace, dimensions, metricName: search[2] ?? '' });
        }
      }
    }
    for (const alarm of ofType(program, 'aws:cloudwatch/metricAlarm:MetricAlarm')) {
      const dimensions = Object(alarm.inputs['dimensions']);
      metrics.push({
        where: `alarm ${alarm.name}`,
        namespace: String(alarm.inputs['namespace']),
        metricName: String(alarm.inputs['metricName']),
        dimensions: Object.fromEntries(Object.entries(dimensions).map(([k, v]) => [k, String(v)])),
      });
    }
  });

  it('finds the dashboard and alarm metrics to check', () => {
    expect(metrics.length).to.be.greaterThan(40);
    expect(searches).to.have.length(Object.keys(BUSINESS_METRICS).length);
  });

  it("names only metrics AWS emits for the service's resources, keyed by a resource of this stack", () => {
    const stage = named(program, 'aws:apigateway/stage:Stage', 'order-api');
    for (const metric of metrics) {
      const service = SERVICE_METRICS[metric.namespace];
      expect(service, `${metric.where}: ${metric.namespace}`).not.to.equal(undefined);
      if (service === undefined) continue;
      expect(service.metrics, metric.where).to.include(metric.metricName);
      expect(Object.keys(metric.dimensions), metric.where).to.have.members([...service.dimensions]);
      const resources = ofType(program, service.resourceType);
      const matches = resources.filter((resource) => {
        switch (metric.namespace) {
          case 'AWS/States':
            return resource.state['arn'] === metric.dimensions['StateMachineArn'];
          case 'AWS/Lambda':
            return resource.state['name'] === metric.dimensions['FunctionName'];
          default:
            return resource.state['name'] === metric.dimensions['ApiName'] && stage.inputs['stageName'] === metric.dimensions['Stage'];
        }
      });
      expect(matches, `${metric.where}: ${JSON.stringify(metric.dimensions)}`).to.have.length(1);
    }
  });

  it('searches business metrics in the namespace and dimensions their handlers publish them with', () => {
    for (const search of searches) {
      // Prepare: the definition of the metric, and the function that emits it.
      const definition: BusinessMetric | undefined = Object.values(BUSINESS_METRICS).find((m) => m.metricName === search.metricName);
      expect(definition, search.where).not.to.equal(undefined);
      if (definition === undefined) continue;
      const emitter = named(program, 'aws:lambda/function:Function', `task-functions-${definition.emittedBy}`);
      const environment = Object(Object(emitter.inputs['environment'])['variables']);
      // Act: what the deployed bundle publishes.
      const bundle = readFileSync(path.join(program.bundleDir, definition.emittedBy, 'index.js'), 'utf8');
      // Assess
      expect(search.namespace, search.where).to.equal(environment['POWERTOOLS_METRICS_NAMESPACE']);
      expect(search.dimensions, search.where).to.include('service');
      const published = definition.groupBy === undefined ? `"${definition.metricName}"` : `"${definition.metricName}","${definition.groupBy}"`;
      expect(bundle.includes(published), `${definition.emittedBy} bundle publishes ${published}`).to.equal(true);
      if (definition.groupBy !== undefined) expect(search.dimensions, search.where).to.include(definition.groupBy);
    }
  });
});
