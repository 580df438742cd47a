/** The dashboard on a server of its own: for tests, and for watching a store without the API. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MonitoringSource } from '../source';
import { createDashboard, type DashboardOptions } from './router';

/** A running dashboard server. */
export interface DashboardServer {
  /** e.g. `http://127.0.0.1:40123` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves the dashboard alone on 127.0.0.1.
 * @param port 0 for any free port
 */
export function startDashboardServer(source: MonitoringSource, port = 0, options: DashboardOptions = {}): Promise<DashboardServer> {
  const dashboard = createDashboard(source, options);
  const server = createServer((req, res) => {
    if (!dashboard(req, res)) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'not found' }));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address: AddressInfo | string | null = server.address();
      const actual = typeof address === 'object' && address !== null ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${actual}`,
        port: actual,
        close: () =>
          new Promise<void>((done, fail) => {
            server.closeAllConnections();
            server.close((e) => (e ? fail(e) : done()));
          }),
      });
    });
  });
}
