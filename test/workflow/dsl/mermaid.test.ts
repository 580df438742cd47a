import { expect } from 'chai';
import { Workflow } from '../../../workflow/dsl';
import { charge, pick, type Line, type ShopData, type ShopFunction } from './fixtures';

describe('Method: BuiltWorkflow.toMermaid', () => {
  it('draws each state type with its shape, subgraphs for Map, dotted Catch edges, labelled Choice edges', () => {
    // Prepare
    const wf = new Workflow<ShopFunction>();
    const s = wf.states<ShopData>();
    const lines = wf.states<Line>();
    const start = s
      .task('Charge it', charge, { parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' }, resultPath: '$.charged' })
      .catchAll(s.fail('Failed'), { resultPath: '$.error' })
      .next(s.wait('Pause', { seconds: 1 }))
      .next(s.map('PickAll', lines.task('Pick', pick, {}), { itemsPath: '$.lines', resultPath: null }))
      .next(
        s
          .choice('Big?')
          .when(($) => $.numericGreaterThan('$.total', 100), s.pass('Note'))
          .otherwise(s.succeed('Done')),
      );

    // Act
    const mermaid = wf.build(start).toMermaid();

    // Assess
    expect(mermaid).to.equal(
      [
        'flowchart TD',
        '  _start((start))',
        '  Charge_it["Charge it<br/><i>charge</i>"]',
        '  Pause{{"Pause"}}',
        '  subgraph PickAll ["PickAll (Map)"]',
        '    direction TB',
        '    subgraph PickAll_0 ["item processor"]',
        '      Pick["Pick<br/><i>pick</i>"]',
        '    end',
        '  end',
        '  Big_{"Big?"}',
        '  Note[/"Note"/]',
        '  Done(["Done"]):::succeed',
        '  Failed(["Failed"]):::fail',
        '  _start --> Charge_it',
        '  Charge_it --> Pause',
        '  Charge_it -. "States.ALL" .-> Failed',
        '  Pause --> PickAll',
        '  PickAll --> Big_',
        '  Big_ -- "total #gt; 100" --> Note',
        '  Big_ -- otherwise --> Done',
        '  classDef fail fill:#fdd,stroke:#c33',
        '  classDef succeed fill:#dfd,stroke:#3a3',
        '',
      ].join('\n'),
    );
  });

  it('keeps ids clear of the Mermaid keyword end', () => {
    const wf = new Workflow();
    const s = wf.states<ShopData>();
    const mermaid = wf.build(s.pass('Start').next(s.succeed('end'))).toMermaid();
    expect(mermaid).to.contain('  end_(["end"]):::succeed');
    expect(mermaid).to.contain('  Start --> end_');
  });
});
