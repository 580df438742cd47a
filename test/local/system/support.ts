/** Test helpers for local mode: a started system in a temporary data directory. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startOrderSystem, type OrderSystem, type OrderSystemOptions } from '../../../local/system';
import { OrderClient } from '../../../local/system/client/orderClient';

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
