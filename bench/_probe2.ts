import { SqliteExecutionStore } from '../local/store/executions';
const store = new SqliteExecutionStore('/tmp/eb/q.db');
const t = performance.now();
const N = 3000;
for (let i = 0; i < N; i++) {
  store.createExecution({ executionArn: 'arn:aws:states:us-east-1:123456789012:execution:bench:' + i, stateMachineArn: 'arn:sm', name: String(i), status: 'RUNNING', startDate: new Date().toISOString(), input: '{"orderId":"o","total":1,"items":[]}', redriveCount: 0 }, { events: [], memo: [] });
}
console.log('µs/create', ((performance.now() - t) / N * 1000).toFixed(1));
const db = (store as any).db; console.log(db.pragma('journal_mode'), db.pragma('synchronous'), db.pragma('wal_autocheckpoint'));
