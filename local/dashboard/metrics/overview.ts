/**
 * Renders the monitoring definition's dashboard (workflow/monitoring) with local data: every
 * widget, in order, each graph with one series per visible query (and per `groupBy` value of a
 * business metric), aggregated with the query's statistic. The browser only draws this.
 */
import type { DashboardDefinition, GraphWidget, MetricQuery, PercentQuery, WidgetWidth } from '../../../workflow/monitoring';
import { datapointsOf, type Datapoint } from './datapoints';
import type { TimeWindow } from '../source';
import type { MonitoringSnapshot } from './snapshot';
import { aggregate } from './statistics';

/** One drawn line (or, in a single-value widget, one number). */
export interface Series {
  /** The id of the query it draws. */
  readonly queryId: string;
  readonly label: string;
  /** One value per bucket; null where the statistic has no value. */
  readonly values: readonly (number | null)[];
  /** The statistic over the whole window (what a single-value widget shows). */
  readonly total: number | null;
}

/** A graph widget with its data. */
export interface RenderedGraph {
  readonly kind: 'graph';
  readonly title: string;
  readonly view: GraphWidget['view'];
  readonly width: WidgetWidth;
  readonly unit?: string;
  readonly series: readonly Series[];
  /** Why a widget has no series, e.g. a metric local mode does not record. */
  readonly note?: string;
}

/** A text widget. */
export interface RenderedText {
  readonly kind: 'text';
  readonly width: WidgetWidth;
  readonly markdown: string;
}

/** The overview: the dashboard definition with data. */
export interface RenderedDashboard {
  readonly title: string;
  readonly since: string;
  readonly until: string;
  /** The bucket size; the definition's period, shortened so that a short window still has a curve. */
  readonly periodSeconds: number;
  readonly definedPeriodSeconds: number;
  /** Each bucket's start, epoch milliseconds. */
  readonly buckets: readonly number[];
  readonly widgets: readonly (RenderedGraph | RenderedText)[];
}

const NICE_PERIODS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 86400];

/** The bucket size for a window: the definition's period, or shorter so there are at most `maxBuckets`. */
export function bucketPeriodSeconds(windowMs: number, definedSeconds: number, maxBuckets = 60): number {
  const wanted = windowMs / 1000 / maxBuckets;
  const nice = NICE_PERIODS.find((p) => p >= wanted) ?? Math.ceil(wanted);
  // Never coarser than the definition's period, unless that would make too many buckets.
  return definedSeconds >= wanted ? Math.min(definedSeconds, nice) : nice;
}

interface Bucketed {
  readonly label: string;
  readonly queryId: string;
  readonly perBucket: readonly (readonly number[])[];
  readonly all: readonly number[];
}

function bucketise(points: readonly Datapoint[], buckets: readonly number[], periodMs: number, window: TimeWindow): number[][] {
  const out = buckets.map((): number[] => []);
  for (const p of points) {
    if (p.time < window.since || p.time >= window.until) continue;
    const i = Math.min(buckets.length - 1, Math.floor((p.time - (buckets[0] ?? 0)) / periodMs));
    out[i]?.push(p.value);
  }
  return out;
}

function metricSeries(query: MetricQuery, snapshot: MonitoringSnapshot, buckets: readonly number[], periodMs: number): Bucketed[] {
  const points = datapointsOf(query.metric, snapshot);
  const grouped = query.metric.kind === 'business' && query.metric.groupBy !== undefined;
  if (!grouped) {
    const perBucket = bucketise(points, buckets, periodMs, snapshot.window);
    return [{ label: query.label, queryId: query.id, perBucket, all: perBucket.flat() }];
  }
  // One series per dimension value, as the CloudWatch widget's SEARCH expression shows.
  const values = [...new Set(points.map((p) => p.series ?? '(none)'))].sort();
  return values.map((v) => {
    const perBucket = bucketise(points.filter((p) => (p.series ?? '(none)') === v), buckets, periodMs, snapshot.window);
    return { label: v, queryId: query.id, perBucket, all: perBucket.flat() };
  });
}

function percentSeries(query: PercentQuery, inputs: ReadonlyMap<string, Bucketed>, bucketCount: number): Series {
  const sum = (ids: readonly string[], pick: (b: Bucketed) => readonly number[]): number =>
    ids.reduce((n, id) => {
      const input = inputs.get(id);
      return n + (input === undefined ? 0 : pick(input).reduce((a, b) => a + b, 0));
    }, 0);
  const ratio = (num: number, den: number): number | null => (den === 0 ? null : (100 * num) / den);
  const values = Array.from({ length: bucketCount }, (_, i) =>
    ratio(sum(query.numerator, (b) => b.perBucket[i] ?? []), sum(query.denominator, (b) => b.perBucket[i] ?? [])),
  );
  return { queryId: query.id, label: query.label, values, total: ratio(sum(query.numerator, (b) => b.all), sum(query.denominator, (b) => b.all)) };
}

function renderGraph(widget: GraphWidget, snapshot: MonitoringSnapshot, buckets: readonly number[], periodMs: number): RenderedGraph {
  const inputs = new Map<string, Bucketed>();
  const series: Series[] = [];
  for (const query of widget.queries) {
    if (query.kind === 'percent') {
      series.push(percentSeries(query, inputs, buckets.length));
      continue;
    }
    const drawn = metricSeries(query, snapshot, buckets, periodMs);
    // Percent queries read the metric's sum (they only combine counts).
    if (drawn.length === 1 && drawn[0] !== undefined) inputs.set(query.id, drawn[0]);
    if (query.visible === false) continue;
    for (const d of drawn) {
      series.push({ queryId: d.queryId, label: d.label, values: d.perBucket.map((b) => aggregate(b, query.stat)), total: aggregate(d.all, query.stat) });
    }
  }
  const noData = series.length === 0 || series.every((s) => s.values.every((v) => v === null || v === 0));
  const unrecorded = widget.queries.every((q) => q.kind === 'metric' && q.metric.kind === 'service' && q.metric.namespace === 'AWS/ApiGateway');
  return {
    kind: 'graph',
    title: widget.title,
    view: widget.view,
    width: widget.width,
    ...(widget.unit !== undefined ? { unit: widget.unit } : {}),
    series,
    ...(noData && unrecorded && snapshot.apiRequests.length === 0 ? { note: 'No API requests recorded in this window.' } : {}),
  };
}

/** Renders a dashboard definition over a snapshot. */
export function renderOverview(definition: DashboardDefinition, snapshot: MonitoringSnapshot): RenderedDashboard {
  const { since, until } = snapshot.window;
  const periodSeconds = bucketPeriodSeconds(until - since, definition.periodSeconds);
  const periodMs = periodSeconds * 1000;
  const first = Math.floor(since / periodMs) * periodMs;
  const buckets: number[] = [];
  // Bucket edges are aligned to the period; points before `since` are not counted.
  for (let t = first; t < until; t += periodMs) buckets.push(t);
  return {
    title: definition.title,
    since: new Date(since).toISOString(),
    until: new Date(until).toISOString(),
    periodSeconds,
    definedPeriodSeconds: definition.periodSeconds,
    buckets,
    widgets: definition.widgets.map((w) => (w.kind === 'text' ? { kind: 'text', width: w.width, markdown: w.markdown } : renderGraph(w, snapshot, buckets, periodMs))),
  };
}
