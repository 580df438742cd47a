import { expect } from 'chai';
import { statSync } from 'node:fs';
import { clearServerInfo, ensureDataDir, readServerInfo, resolveServerApiKey, writeServerInfo } from '../../../../local/system/dataDir';
import { resolveConnection, NoServerError } from '../../../../local/system/client/connection';
import { tempDataDir } from '../support';

describe('Function: resolveServerApiKey', () => {
  let dir: ReturnType<typeof tempDataDir>;
  beforeEach(() => (dir = tempDataDir()));
  afterEach(() => dir.remove());

  it('uses ORDERS_API_KEY when set, and keeps nothing', () => {
    const layout = ensureDataDir(dir.path);
    expect(resolveServerApiKey(layout, { ORDERS_API_KEY: ' from-env ' })).to.deep.equal({ value: 'from-env', source: 'environment' });
    expect(resolveServerApiKey(layout, {}).source).to.equal('generated');
  });

  it('generates a key once, keeps it owner-readable only, and reuses it', () => {
    const layout = ensureDataDir(dir.path);
    const first = resolveServerApiKey(layout, {});
    const second = resolveServerApiKey(layout, { ORDERS_API_KEY: '' });
    expect(first.source).to.equal('generated');
    expect(first.value).to.match(/^local-[A-Za-z0-9_-]{32}$/);
    expect(second).to.deep.equal({ value: first.value, source: 'data directory' });
    expect(statSync(layout.apiKeyFile).mode & 0o777).to.equal(0o600);
  });
});

describe('Function: resolveConnection', () => {
  let dir: ReturnType<typeof tempDataDir>;
  beforeEach(() => (dir = tempDataDir()));
  afterEach(() => dir.remove());

  it('prefers options, then the environment, then the data directory', () => {
    const layout = ensureDataDir(dir.path);
    writeServerInfo(layout, { url: 'http://127.0.0.1:4000/', pid: process.pid, startedAt: '2026-01-01T00:00:00Z' });
    const stored = resolveServerApiKey(layout, {}).value;
    expect(resolveConnection({ dataDir: dir.path }, {})).to.deep.equal({ url: 'http://127.0.0.1:4000', apiKey: stored });
    expect(resolveConnection({ dataDir: dir.path }, { ORDERS_API_URL: 'http://h:1', ORDERS_API_KEY: 'k' })).to.deep.equal({ url: 'http://h:1', apiKey: 'k' });
    expect(resolveConnection({ dataDir: dir.path, url: 'http://o:2', apiKey: 'o' }, { ORDERS_API_KEY: 'k' })).to.deep.equal({ url: 'http://o:2', apiKey: 'o' });
  });

  it('says what to do when no server is recorded', () => {
    expect(() => resolveConnection({ dataDir: dir.path }, {})).to.throw(NoServerError, /npm start/);
  });

  it('forgets the server record only for the process that wrote it', () => {
    const layout = ensureDataDir(dir.path);
    writeServerInfo(layout, { url: 'http://127.0.0.1:4000', pid: 1, startedAt: '2026-01-01T00:00:00Z' });
    clearServerInfo(layout);
    expect(readServerInfo(layout)?.pid).to.equal(1);
    clearServerInfo(layout, 1);
    expect(readServerInfo(layout)).to.equal(undefined);
  });
});
