import { startOrderSystem } from './local/system';
import { generatedOrder, kindAt, DEFAULT_MIX } from './local/system/client/sampleOrders';
import { EngineOrderExecutions } from './local/system/orderExecutions';
async function main() {
  const sys = await startOrderSystem({ dataDir: '/tmp/smoke-cpu-' + Date.now(), port: 0 });
  const ex = new EngineOrderExecutions(sys.engine, sys.stateMachineArn);
  for (let round = 0; round < 3; round++) {
    const N = 2000;
    const c0 = process.cpuUsage(); const t0 = Date.now();
    const arns: string[] = [];
    for (let i = 0; i < N; i++) { arns.push((await ex.start(generatedOrder(kindAt(DEFAULT_MIX, i), `cpu-${round}-${i}`))).executionArn); }
    await sys.engine.idle();
    const c = process.cpuUsage(c0); const wall = Date.now() - t0;
    console.log(`round ${round}: ${N} orders, wall ${wall} ms, cpu ${(c.user + c.system) / 1000} ms, cpu/order ${((c.user + c.system) / 1000 / N).toFixed(3)} ms`);
  }
  await sys.stop();
}
main();
