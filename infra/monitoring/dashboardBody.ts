/**
 * Renders the monitoring definition (workflow/monitoring) as a CloudWatch dashboard body:
 * widgets placed on CloudWatch's 24-column grid, metrics bound to the deployed resources.
 */
import type { DashboardDefinition, GraphWidget, Query, Widget } from '../../workflow/monitoring';
import { businessMetricSearch, dimensionsOf, type MetricTargets } from './metricTargets';

/** A row of a metric widget's `metrics` array: a metric, or an expression. */
export type CloudWatchMetricRow = readonly (string | { readonly [key: string]: string | boolean | number })[];

/** A CloudWatch dashboard widget. */
export interface CloudWatchWidget {
  readonly type: 'metric' | 'text';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly properties: { readonly [key: string]: unknown };
}

/** The dashboard body CloudWatch's PutDashboard takes (as JSON). */
export interface CloudWatchDashboardBody {
  readonly widgets: readonly CloudWatchWidget[];
}

const GRAPH_HEIGHT = 6;
const TEXT_HEIGHT = 2;
const GRID_WIDTH = 24;

const queryRow = (query: Query, periodSeconds: number, targets: MetricTargets): CloudWatchMetricRow => {
  if (query.kind === 'percent') {
    const sum = (ids: readonly string[]): string => ids.join(' + ');
    return [{ expression: `100 * (${sum(query.numerator)}) / (${sum(query.denominator)})`, id: query.id, label: query.label }];
  }
  const options = { id: query.id, label: query.label, ...(query.visible === false ? { visible: false } : {}) };
  if (query.metric.kind === 'business') {
    return [{ expression: businessMetricSearch(query.metric, query.stat, periodSeconds), ...options }];
  }
  const dimensions = dimensionsOf(query.metric.scope, targets).flatMap((d) => [d.name, d.value]);
  return [query.metric.namespace, query.metric.metricName, ...dimensions, { ...options, stat: query.stat }];
};

const graphProperties = (widget: GraphWidget, definition: DashboardDefinition, targets: MetricTargets) => ({
  title: widget.title,
  view: widget.view,
  region: targets.region,
  period: definition.periodSeconds,
  stacked: false,
  metrics: widget.queries.map((query) => queryRow(query, definition.periodSeconds, targets)),
  ...(widget.unit === undefined ? {} : { yAxis: { left: { label: widget.unit, showUnits: false } } }),
});

const heightOf = (widget: Widget): number => (widget.kind === 'text' ? TEXT_HEIGHT : GRAPH_HEIGHT);

/** Renders the definition; widgets flow left to right and wrap at the grid's width. */
export const renderDashboardBody = (definition: DashboardDefinition, targets: MetricTargets): CloudWatchDashboardBody => {
  const widgets: CloudWatchWidget[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const widget of definition.widgets) {
    if (x + widget.width > GRID_WIDTH) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const height = heightOf(widget);
    widgets.push({
      type: widget.kind === 'text' ? 'text' : 'metric',
      x,
      y,
      width: widget.width,
      height,
      properties:
        widget.kind === 'text' ? { markdown: widget.markdown } : graphProperties(widget, definition, targets),
    });
    x += widget.width;
    rowHeight = Math.max(rowHeight, height);
  }
  return { widgets };
};

/** The console URL of a dashboard. */
export const dashboardConsoleUrl = (region: string, dashboardName: string): string =>
  `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards:name=${encodeURIComponent(dashboardName)}`;
