import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const repo = path.resolve(__dirname, '../..');
const corpus = path.resolve(repo, '../shared/conformance');
const baseline = JSON.parse(readFileSync(path.join(__dirname, 'baseline.json'), 'utf8')) as { passed: number };

describe('Conformance: AWS-recorded executions', function () {
  this.timeout(180_000);

  it(`passes at least the committed baseline (${baseline.passed} cases)`, function () {
    // Prepare
    expect(existsSync(path.join(corpus, 'harness.mjs')), `corpus at ${corpus}`).to.equal(true);

    // Act
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(corpus, 'harness.mjs'), '--adapter', 'test/conformance/adapter.ts', '--corpus', corpus, '--min', String(baseline.passed), '--concurrency', '2'],
      { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );

    // Assess
    const score = /conformance: (\d+)\/(\d+) passed/.exec(run.stdout);
    expect(score, run.stderr || run.stdout.slice(-2000)).to.not.equal(null);
    expect(Number(score![1])).to.be.at.least(baseline.passed);
    expect(run.status, run.stdout.slice(-3000)).to.equal(0);
  });
});
