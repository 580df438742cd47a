import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aslCli } from '../../workflow/cli';

describe('Function: aslCli', () => {
  it('prints the definition with placeholder Lambda ARNs, as in the reviewed snapshot', () => {
    const printed = aslCli([]);
    expect(printed).to.equal(readFileSync(join(__dirname, 'orderProcessing.asl.json'), 'utf8'));
    expect(JSON.parse(printed).States.ValidateOrder.Resource).to.equal('arn:aws:lambda:us-east-1:123456789012:function:validateOrder');
  });

  it('prints a Mermaid flowchart with --mermaid', () => {
    const printed = aslCli(['--mermaid']);
    expect(printed.split('\n')[0]).to.equal('flowchart TD');
    expect(printed).to.contain('  _start --> ValidateOrder');
  });
});
