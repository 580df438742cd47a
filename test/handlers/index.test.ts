import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { TASK_FUNCTIONS } from '../../handlers/index';
import { TASK_FUNCTION_NAMES } from '../../workflow/contracts';

describe('Module: handlers/index', () => {
  it('maps every task function to an entry file that exports its handler', async () => {
    expect(Object.keys(TASK_FUNCTIONS).sort()).to.deep.equal([...TASK_FUNCTION_NAMES].sort());
    for (const name of TASK_FUNCTION_NAMES) {
      const { entry, handlerExport, factory } = TASK_FUNCTIONS[name];
      const file = join(__dirname, '..', '..', entry);
      expect(existsSync(file), entry).to.equal(true);
      const module = (await import(file)) as Record<string, unknown>;
      expect(module[handlerExport], `${entry} exports ${handlerExport}`).to.be.a('function');
      expect(Object.values(module)).to.include(factory);
    }
  });
});
