import { createEngine } from '../local/engine';
import { SqliteExecutionStore } from '../local/store/executions';
import { orderLikeDefinition } from './engine';
const handlers: Record<string, (x: unknown) => Promise<unknown>> = {
  validateOrder: async () => ({ valid: true, errors: [] }),
  reserveInventory: async () => ({ status: 'RESERVED' }),
  chargePayment: async () => ({ status: 'APPROVED' }),
  notifyCustomer: async () => ({ status: 'DELIVERED' }),
};
async function main() {
  const store = new SqliteExecutionStore('/tmp/eb/p.db');
  let flushes = 0, rows = 0;
  const orig = (store as any).flushTx;
  (store as any).flushTx = (c: unknown[], s: unknown[]) => { flushes++; rows += c.length + s.length; return orig(c, s); };
  const engine = createEngine({ store, invokeTask: async (r: any) => handlers[r.functionName.split(':').pop()](r.payload) });
  const { stateMachineArn } = engine.createStateMachine({ name: 'b', definition: orderLikeDefinition });
  const t = performance.now(); let n = 0;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (performance.now() - t < 2000) { const { executionArn } = engine.startExecution(stateMachineArn, { orderId: 'o', total: 1, items: [] }); await engine.awaitExecution(executionArn); n++; }
  }));
  console.log('exec/s', n / 2, 'flushes/exec', (flushes / n).toFixed(2), 'steps/exec', (rows / n).toFixed(2));
}
main();
