import { expect } from 'chai';
import { readStateGraph, toMermaid, type StateOutcome } from '../../../local/dashboard';
import { allStateNames, UnreadableDefinitionError } from '../../../local/dashboard/graph/asl';
import { renderOrderProcessing } from '../../../workflow';

const order = renderOrderProcessing((fn) => `arn:aws:lambda:us-east-1:000000000000:function:${fn}`);

/** The node id Mermaid text gives a state, from its declaration line. */
const idOf = (text: string, state: string): string => {
  const line = text.split('\n').find((l) => new RegExp(`^\\s*(?:subgraph )?(s\\d+)\\W+"${state}(?: \\(\\w+\\))?"`).test(l));
  const id = line?.trim().match(/^(?:subgraph )?(s\d+)/)?.[1];
  if (id === undefined) throw new Error(`no node for ${state}`);
  return id;
};

describe('Function: readStateGraph', () => {
  it("reads every state of the order workflow, nested branches' too", () => {
    const graph = readStateGraph(JSON.stringify(order));
    const names = allStateNames(graph);
    for (const n of ['ValidateOrder', 'ProcessOrder', 'ReserveInventory', 'ChargePayment', 'Compensate', 'RefundPayment', 'OrderFailed']) expect(names).to.include(n);
    expect(new Set(names).size).to.equal(names.length);
  });

  const bad: Array<[string, string]> = [
    ['not JSON', '{'],
    ['no States', '{"StartAt":"A"}'],
    ['no StartAt', '{"States":{"A":{"Type":"Succeed"}}}'],
    ['a state that is not an object', '{"StartAt":"A","States":{"A":1}}'],
  ];
  for (const [name, text] of bad) {
    it(`refuses ${name}`, () => {
      expect(() => readStateGraph(text)).to.throw(UnreadableDefinitionError);
    });
  }
});

describe('Function: toMermaid', () => {
  const graph = readStateGraph(JSON.stringify(order));

  it('draws a node per state, Parallel states as subgraphs holding their branches', () => {
    const text = toMermaid(graph);
    expect(text.startsWith('flowchart TD')).to.equal(true);
    for (const name of allStateNames(graph)) expect(text, name).to.match(new RegExp(`"${name}( \\((Parallel|Map)\\))?"`));
    expect(text).to.contain(`subgraph ${idOf(text, 'ProcessOrder')} ["ProcessOrder (Parallel)"]`);
    expect(text).to.contain(`subgraph ${idOf(text, 'Compensate')} ["Compensate (Parallel)"]`);
  });

  it('draws Next, Choice, Default and Catch transitions', () => {
    const text = toMermaid(graph);
    const [validate, check, rejection, charge, errored] = ['ValidateOrder', 'CheckValidation', 'RecordRejection', 'ChargePayment', 'PaymentErrored'].map((s) => idOf(text, s));
    expect(text).to.contain(`${validate} --> ${check}`);
    expect(text).to.contain(`${check} -- default --> ${rejection}`);
    expect(text).to.contain(`${charge} -. catch .-> ${errored}`);
  });

  const outcomes: StateOutcome[] = ['succeeded', 'retried', 'caught', 'failed', 'running', 'cancelled', 'notReached'];
  for (const outcome of outcomes) {
    it(`colours a ${outcome} state with its class`, () => {
      const text = toMermaid(graph, new Map([['ChargePayment', outcome]]));
      expect(text).to.contain(`classDef ${outcome} `);
      expect(text).to.contain(`class ${idOf(text, 'ChargePayment')} ${outcome}`);
    });
  }

  it('colours a Parallel state by styling its subgraph', () => {
    const text = toMermaid(graph, new Map([['ProcessOrder', 'failed']]));
    expect(text).to.match(new RegExp(`style ${idOf(text, 'ProcessOrder')} fill:#fbd3d0`));
  });

  it('outlines the failure point', () => {
    const text = toMermaid(graph, new Map([['ChargePayment', 'succeeded']]), 'ChargePayment');
    expect(text).to.contain(`style ${idOf(text, 'ChargePayment')} stroke:#c5221f,stroke-width:4px`);
    expect(toMermaid(graph, new Map(), 'NoSuchState')).not.to.contain('stroke-width:4px');
  });

  it('escapes quotes and angle brackets in state names', () => {
    const text = toMermaid(readStateGraph({ StartAt: 'Say "hi" <now>', States: { 'Say "hi" <now>': { Type: 'Succeed' } } }));
    expect(text).to.contain('"Say #quot;hi#quot;  now "');
    expect(text).not.to.contain('<now>');
  });
});
