/**
 * The dashboard's HTTP side: the page at `/`, its assets under `/dashboard/static/`, the
 * metrics at `/metrics` and the JSON API under `/dashboard/api/`. Mounted on local mode's
 * API server: it answers GET and HEAD on its own paths and leaves every other request alone
 * (`POST /` with an X-Amz-Target header is the Step Functions API's).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ORDER_WORKFLOW_DASHBOARD, type DashboardDefinition } from '../../../workflow/monitoring';
import { renderOverview } from '../metrics/overview';
import { metricsReport } from '../metrics/report';
import { takeSnapshot, type MonitoringSnapshot } from '../metrics/snapshot';
import { InvalidTimeError, windowOf } from '../metrics/window';
import type { MonitoredStatus, MonitoringSource } from '../source';
import { assetNamed } from './assets';
import { executionDetail, failuresView, listExecutionRows } from './views';

/** How to build the dashboard. */
export interface DashboardOptions {
  /** The dashboard the overview renders. @default ORDER_WORKFLOW_DASHBOARD */
  readonly definition?: DashboardDefinition;
  /** Only this state machine's executions count in metrics. @default all */
  readonly stateMachineArn?: string;
  /** The clock, epoch milliseconds. @default Date.now */
  readonly now?: () => number;
}

/** Handles a request; true when it was the dashboard's (and has been answered). */
export type DashboardHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/** How long a window's data may be reused by the next request for the same window. */
const SNAPSHOT_REUSE_MS = 1000;

const STATUSES: readonly MonitoredStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'];
const isStatus = (s: string): s is MonitoredStatus => (STATUSES as readonly string[]).includes(s);

/** A request the dashboard refuses, with its status code. */
class BadRequestError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'BadRequestError';
  }
}

const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

const isDashboardPath = (p: string): boolean => p === '/' || p === '/index.html' || p === '/metrics' || p === '/dashboard' || p.startsWith('/dashboard/');

/**
 * Creates the dashboard's request handler over a source.
 * @example
 * const dashboard = createDashboard(createStoreMonitoringSource(store, { invocationLogs }));
 * http.createServer((req, res) => { if (!dashboard(req, res)) api(req, res); });
 */
export function createDashboard(source: MonitoringSource, options: DashboardOptions = {}): DashboardHandler {
  const definition = options.definition ?? ORDER_WORKFLOW_DASHBOARD;
  const now = options.now ?? Date.now;
  // The page asks for /metrics and the overview of the same window together: read it once.
  let recent: { key: string; at: number; snapshot: MonitoringSnapshot } | undefined;
  const snapshotFor = (params: URLSearchParams): MonitoringSnapshot => {
    const key = `${params.get('since') ?? ''}|${params.get('until') ?? ''}`;
    const t = now();
    if (recent !== undefined && recent.key === key && t - recent.at < SNAPSHOT_REUSE_MS) return recent.snapshot;
    const snapshot = takeSnapshot(source, windowOf(params, t), options.stateMachineArn);
    recent = { key, at: t, snapshot };
    return snapshot;
  };

  function answer(pathname: string, params: URLSearchParams, res: ServerResponse): void {
    if (pathname === '/' || pathname === '/index.html' || pathname === '/dashboard' || pathname === '/dashboard/') {
      return sendAsset(res, 'index.html');
    }
    if (pathname.startsWith('/dashboard/static/')) return sendAsset(res, pathname.slice('/dashboard/static/'.length));
    if (pathname === '/metrics') return sendJson(res, 200, metricsReport(snapshotFor(params)));
    if (pathname === '/dashboard/api/overview') return sendJson(res, 200, renderOverview(definition, snapshotFor(params)));
    if (pathname === '/dashboard/api/failures') return sendJson(res, 200, failuresView(source, windowOf(params, now()), options.stateMachineArn));
    if (pathname === '/dashboard/api/executions') {
      const status = params.get('status') ?? '';
      if (status !== '' && !isStatus(status)) throw new BadRequestError(`unknown status '${status}'`);
      const limit = Number(params.get('limit') ?? '200');
      const timed = (params.get('since') ?? '') !== '' || (params.get('until') ?? '') !== '';
      return sendJson(
        res,
        200,
        listExecutionRows(source, {
          ...(status !== '' ? { status } : {}),
          ...(timed ? { window: windowOf(params, now()) } : {}),
          ...((params.get('error') ?? '') !== '' ? { error: params.get('error') ?? '' } : {}),
          ...(options.stateMachineArn !== undefined ? { stateMachineArn: options.stateMachineArn } : {}),
          limit: Number.isInteger(limit) && limit > 0 ? Math.min(limit, 5000) : 200,
        }),
      );
    }
    const one = /^\/dashboard\/api\/executions\/([^/]+)(\/history)?$/.exec(pathname);
    if (one !== null) {
      const arn = decodeURIComponent(one[1] ?? '');
      if (one[2] !== undefined) {
        if (source.getExecution(arn) === undefined) return sendJson(res, 404, { message: `no execution '${arn}'` });
        return sendJson(res, 200, { events: source.getHistory(arn) });
      }
      const detail = executionDetail(source, arn);
      return detail === undefined ? sendJson(res, 404, { message: `no execution '${arn}'` }) : sendJson(res, 200, detail);
    }
    sendJson(res, 404, { message: `no dashboard resource at ${pathname}` });
  }

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Only reads are the dashboard's: `POST /` is the Step Functions API (X-Amz-Target).
    if (!isDashboardPath(url.pathname) || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    // A path that only becomes the dashboard's once normalised (`/orders/..`, an absolute-form
    // target) names something else to the order API: leave it to that API's 404.
    if (url.pathname !== (req.url ?? '/').split('?')[0]) return false;
    try {
      answer(url.pathname, url.searchParams, res);
    } catch (error) {
      if (error instanceof InvalidTimeError || error instanceof BadRequestError || error instanceof URIError) {
        sendJson(res, 400, { message: error.message });
      } else {
        sendJson(res, 500, { message: error instanceof Error ? error.message : String(error) });
      }
    }
    return true;
  };
}

function sendAsset(res: ServerResponse, name: string): void {
  const asset = assetNamed(name);
  if (asset === undefined) return sendJson(res, 404, { message: `no asset '${name}'` });
  res.writeHead(200, { 'content-type': asset.contentType, 'content-length': asset.body.length, 'cache-control': 'no-cache' });
  res.end(asset.body);
}
