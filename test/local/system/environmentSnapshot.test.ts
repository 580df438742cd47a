import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

describe('Function: snapshotEnvironment', () => {
  it('serves the same variables from a plain object, and writes still reach child processes', () => {
    // In a child process: it replaces the test runner's own process.env otherwise.
    const script = `
      const { snapshotEnvironment } = require(${JSON.stringify(path.resolve(__dirname, '../../../local/system/environmentSnapshot.ts'))});
      const before = { ...process.env };
      snapshotEnvironment();
      process.env.SNAPSHOT_WRITE = 'written';
      const child = require('node:child_process').execFileSync(process.execPath, ['-e', 'process.stdout.write(process.env.SNAPSHOT_WRITE + "|" + process.env.SNAPSHOT_SEED)']).toString();
      process.stdout.write(JSON.stringify({
        same: Object.keys(before).every((k) => process.env[k] === before[k]),
        plain: Object.getPrototypeOf(process.env) === Object.prototype,
        child,
      }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { env: { ...process.env, SNAPSHOT_SEED: 'seeded' }, encoding: 'utf8' });

    expect(run.status, run.stderr).to.equal(0);
    expect(JSON.parse(run.stdout)).to.deep.equal({ same: true, plain: true, child: 'written|seeded' });
  });
});
