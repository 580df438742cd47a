/** Test helpers for local mode: a started system in a temporary data directory. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startOrderSystem, type OrderSystem, type OrderSystemOptions } from '../../../local/system';
import { OrderClient } from '../../../local/system/client/orderClient';
import { generatedOrder, kindAt, newOrderId, type OrderKind } from '../../../local/system/client/sampleOrders';
import { spawnServer, type ServerProcess, type SpawnServerOptions } from '../../../local/system/serverProcess';
import type { Order } from '../../../workflow/contracts';

/** A fresh temporary directory. */
export function tempDataDir(): { path: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'order-system-'));
  return { path: dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The key used by tests that do not test key generation. */
export const TEST_API_KEY = 'test-key-local-mode-0123456789';

/** Stock the tests start from. */
export const TEST_STOCK = { 'BOOK-1': 1000, 'PEN-7': 1000, 'MUG-3': 1000, 'LAMP-9': 1000, 'SOLD-OUT-1': 0 };

/** Starts local mode on a free port with fast retries; its client. */
export async function startTestSystem(dataDir: string, options: Partial<OrderSystemOptions> = {}): Promise<{ system: OrderSystem; client: OrderClient }> {
  const system = await startOrderSystem({
    dataDir,
    port: 0,
    apiKey: TEST_API_KEY,
    inventory: { stock: TEST_STOCK },
    timeScale: 0.01,
    ...options,
  });
  return { system, client: new OrderClient(system.url, system.apiKey) };
}

/** A suite's temporary directory and the local mode processes it spawns there. */
export interface SpawnedServerSuite {
  /** The temporary directory (valid from the suite's `before`). */
  readonly path: string;
  /** Where the spawned servers keep their state: `<path>/data`. */
  readonly dataDir: string;
  /** Writes `<path>/seed.json` holding this stock; its path, for `--inventory`. */
  writeSeed(stock: Readonly<Record<string, number>>): string;
  /** Spawns local mode on {@link dataDir}; the last one spawned is killed after the suite. */
  spawn(options?: Omit<SpawnServerOptions, 'dataDir'>): Promise<ServerProcess>;
}

/**
 * Registers `before` / `after` hooks for a suite that runs local mode in its own process: a fresh
 * temporary directory before, and after, SIGKILL for a server still running and the directory removed.
 */
export function spawnedServerSuite(): SpawnedServerSuite {
  let dir: ReturnType<typeof tempDataDir> | undefined;
  let server: ServerProcess | undefined;
  const root = (): string => {
    if (dir === undefined) throw new Error('spawnedServerSuite: used outside its suite');
    return dir.path;
  };

  before(() => {
    dir = tempDataDir();
  });

  after(async () => {
    await server?.stop('SIGKILL');
    dir?.remove();
  });

  return {
    get path() {
      return root();
    },
    get dataDir() {
      return path.join(root(), 'data');
    },
    writeSeed(stock) {
      const file = path.join(root(), 'seed.json');
      writeFileSync(file, JSON.stringify({ stock }));
      return file;
    },
    async spawn(options = {}) {
      server = await spawnServer({ ...options, dataDir: path.join(root(), 'data') });
      return server;
    },
  };
}

/** The kind of an order of a crash load: a sample kind, or one whose first charge fails (`retried`). */
export type CrashLoadKind = OrderKind | 'retried';

/**
 * The i-th order of a crash load: the sample kinds (70% success, 10% each declined, out of stock
 * and rejected), but one in five a success that fails its first charge (retried after ~1 s).
 */
export function crashLoadOrder(i: number, idPrefix: string): { kind: CrashLoadKind; order: Order } {
  if (i % 5 === 0) return { kind: 'retried', order: { ...generatedOrder('success', newOrderId(idPrefix)), paymentToken: 'tok_processingErrorOnce' } };
  const kind = kindAt({ success: 70, declined: 10, 'out-of-stock': 10, rejected: 10 }, i);
  return { kind, order: generatedOrder(kind, newOrderId(idPrefix)) };
}
