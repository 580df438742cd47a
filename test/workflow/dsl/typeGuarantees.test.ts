/**
 * Compile-time guarantees of the DSL. Each `@ts-expect-error` line must fail to compile
 * (`tsc --noEmit`, run by `npm test`): if a type is loosened, the unused directive fails the
 * build. The runtime assertions check what the valid counterpart renders.
 */
import { expect } from 'chai';
import { Workflow, type PathOf, type TypeAt } from '../../../workflow/dsl';
import { arn, charge, pick, reserve, type Line, type Payment, type ShopData, type ShopFunction } from './fixtures';

function setup() {
  const wf = new Workflow<ShopFunction>();
  return { wf, s: wf.states<ShopData>() };
}

describe('Compile-time guarantees: typed paths', () => {
  it('accepts existing paths and rejects misspelled ones', () => {
    const ok: PathOf<ShopData>[] = ['$', '$.payment.status', '$.lines[0].sku', '$.payment.note'];
    // @ts-expect-error misspelled field
    const misspelled: PathOf<ShopData> = '$.payment.staus';
    // @ts-expect-error array element fields need an index
    const noIndex: PathOf<ShopData> = '$.lines.sku';
    expect(ok).to.have.length(4);
    expect(misspelled).to.equal('$.payment.staus');
    expect(noIndex).to.equal('$.lines.sku');
  });

  it('gives the type found at a path', () => {
    const status: TypeAt<ShopData, '$.payment.status'> = 'APPROVED';
    // @ts-expect-error not one of the literal union
    const wrong: TypeAt<ShopData, '$.payment.status'> = 'PENDING';
    expect([status, wrong]).to.deep.equal(['APPROVED', 'PENDING']);
  });
});

describe('Compile-time guarantees: Choice rules', () => {
  it('checks each operator against the type of its field', () => {
    const { s } = setup();
    const done = s.succeed('Done');
    const choice = s
      .choice('Check')
      .when(($) => $.stringEquals('$.payment.status', 'APPROVED'), done)
      // @ts-expect-error misspelled field in a rule
      .when(($) => $.stringEquals('$.payment.staus', 'APPROVED'), done)
      // @ts-expect-error NumericEquals on a string field
      .when(($) => $.numericEquals('$.payment.status', 1), done)
      // @ts-expect-error StringEquals on a literal union only takes its members
      .when(($) => $.stringEquals('$.payment.status', 'APPROVD'), done)
      // @ts-expect-error BooleanEquals on a number field
      .when(($) => $.booleanEquals('$.total', true), done)
      // @ts-expect-error a *Path variant compares two paths of the same type
      .when(($) => $.numericLessThanPath('$.total', '$.orderId'), done)
      // @ts-expect-error a numeric operand for a numeric field
      .when(($) => $.numericGreaterThan('$.total', '100'), done)
      // @ts-expect-error timestamps are strings
      .when(($) => $.timestampLessThan('$.total', '2024-01-01T00:00:00Z'), done)
      // @ts-expect-error StringMatches needs a string field
      .when(($) => $.stringMatches('$.payment.captured', 'A*'), done)
      // @ts-expect-error Is* tests take existing paths only
      .when(($) => $.isPresent('$.payment.notes'), done)
      // @ts-expect-error And needs at least one rule
      .when(($) => $.and(), done);
    expect(choice.start.choices).to.have.length(11);
    expect(choice.start.choices[0]?.expression).to.deep.equal({ Variable: '$.payment.status', StringEquals: 'APPROVED' });
  });

  it('sends a choice only to flows that accept its data', () => {
    const { wf, s } = setup();
    const other = wf.states<{ somethingElse: string }>();
    const choice = s
      .choice('Check')
      // @ts-expect-error the target needs data the choice does not have
      .otherwise(other.succeed('Elsewhere'));
    expect(choice.start.default?.name).to.equal('Elsewhere');
  });
});

describe('Compile-time guarantees: tasks and payloads', () => {
  it('checks Parameters paths and that they build the function input', () => {
    const { s } = setup();
    const ok = s.task('Charge', charge, { parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' } });
    // @ts-expect-error misspelled path in Parameters
    s.task('Charge2', charge, { parameters: { 'orderId.$': '$.ordrId', 'amount.$': '$.total' } });
    // @ts-expect-error Parameters miss `amount` of the function input
    s.task('Charge3', charge, { parameters: { 'orderId.$': '$.orderId' } });
    // @ts-expect-error `amount` built from a string
    s.task('Charge4', charge, { parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.createdAt' } });
    // @ts-expect-error without Parameters the input itself must be the function input
    s.task('Charge5', charge, {});
    expect(ok.start.fields.Parameters).to.deep.equal({ 'orderId.$': '$.orderId', 'amount.$': '$.total' });
  });

  it('rejects a task function the workflow does not declare', () => {
    const wf = new Workflow<'charge'>();
    const s = wf.states<ShopData>();
    // @ts-expect-error `reserve` is not a function of this workflow
    const task = s.task('Reserve', reserve, { parameters: { 'orderId.$': '$.orderId', 'lines.$': '$.lines' } });
    expect(task.start.taskFunction).to.equal('reserve');
  });

  it('checks InputPath, ResultSelector and OutputPath', () => {
    const { s } = setup();
    const ok = s.task('Charge', charge, {
      parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' },
      resultSelector: { 'state.$': '$.status' },
      resultPath: '$.charge',
      outputPath: '$.charge',
    });
    // @ts-expect-error InputPath must exist
    s.task('C1', charge, { inputPath: '$.paymnt', parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.amount' } });
    // @ts-expect-error ResultSelector reads the task result, which has no `state`
    s.task('C2', charge, { parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' }, resultSelector: { 'x.$': '$.state' } });
    // @ts-expect-error OutputPath reads the data after ResultPath
    s.task('C3', charge, { parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' }, resultPath: '$.charge', outputPath: '$.charged' });
    // @ts-expect-error a ResultPath is `$`, `$.…` or null
    s.task('C4', charge, { parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' }, resultPath: 'charge' });
    expect(ok.start.fields).to.include({ ResultPath: '$.charge', OutputPath: '$.charge' });
  });

  it('types the output through ResultSelector and ResultPath, so `next` is checked', () => {
    const { wf, s } = setup();
    const charged = wf.states<ShopData & { charge: { state: Payment['status'] } }>();
    const flow = s
      .task('Charge', charge, {
        parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' },
        resultSelector: { 'state.$': '$.status' },
        resultPath: '$.charge',
      })
      .next(charged.succeed('Charged'));
    const wrong = s.task('Charge2', charge, { parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' }, resultPath: '$.payment2' });
    // @ts-expect-error the next state needs `charge`, which this task does not write
    wrong.next(charged.succeed('Charged2'));
    expect(flow.start.next?.name).to.equal('Charged');
  });

  it('types what a Catch handler receives', () => {
    const { wf, s } = setup();
    const handler = wf.states<ShopData & { error: { Error: string; Cause: string } }>().fail('Failed', { errorPath: '$.error.Error' });
    const ok = s.task('Charge', charge, { parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' } }).catchAll(handler, { resultPath: '$.error' });
    s.task('Charge2', charge, { parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' } })
      // @ts-expect-error the handler reads `$.error`, but the error output is written elsewhere
      .catchAll(handler, { resultPath: '$.problem' });
    expect(ok.start.catchers[0]).to.include({ resultPath: '$.error' });
  });
});

describe('Compile-time guarantees: Parallel, Map, Wait, Fail', () => {
  it('types Parallel results as a tuple', () => {
    const { wf, s } = setup();
    const both = s.parallel(
      'Both',
      [
        s.task('Charge', charge, { parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' } }),
        s.task('Reserve', reserve, { parameters: { 'orderId.$': '$.orderId', 'lines.$': '$.lines' } }),
      ],
      { resultSelector: { 'payment.$': '$[0].status', 'reservation.$': '$[1].reservationId' }, resultPath: '$.results' },
    );
    const after = wf.states<ShopData & { results: { payment: Payment['status']; reservation: string } }>();
    both.next(after.succeed('Done'));
    // @ts-expect-error a two-branch Parallel has no `$[2]`
    s.parallel('Three', [s.pass('P1'), s.pass('P2')], { resultSelector: { 'x.$': '$[2]' } });
    expect(both.start.fields.ResultSelector).to.deep.equal({ 'payment.$': '$[0].status', 'reservation.$': '$[1].reservationId' });
  });

  it('types Map items and their processor', () => {
    const { wf, s } = setup();
    const lines = wf.states<Line>();
    const ok = s.map('PickAll', lines.task('Pick', pick, {}), { itemsPath: '$.lines', resultPath: '$.picked' });
    // @ts-expect-error ItemsPath must hold an array
    s.map('PickBad', lines.task('Pick2', pick, {}), { itemsPath: '$.payment' });
    // @ts-expect-error the processor must accept the items (lines, not payments)
    s.map('PickWrong', wf.states<Payment>().succeed('X'), { itemsPath: '$.lines' });
    const selected = s.map('PickSelected', wf.states<{ orderId: string; item: unknown }>().succeed('Y'), {
      itemsPath: '$.lines',
      itemSelector: { 'orderId.$': '$.orderId', 'item.$': '$$.Map.Item.Value' },
    });
    // @ts-expect-error with an ItemSelector the processor receives its payload, which has no `sku`
    s.map('PickSelected2', lines.succeed('Z'), { itemsPath: '$.lines', itemSelector: { 'orderId.$': '$.orderId' } });
    // @ts-expect-error ItemSelector paths are checked against the Map's input
    s.map('PickSelected3', wf.states<{ orderId: string }>().succeed('W'), { itemsPath: '$.lines', itemSelector: { 'orderId.$': '$.ordrId' } });
    expect(ok.start.fields.ItemsPath).to.equal('$.lines');
    expect(selected.start.fields.ItemSelector).to.deep.equal({ 'orderId.$': '$.orderId', 'item.$': '$$.Map.Item.Value' });
  });

  it('types Wait and Fail paths', () => {
    const { s } = setup();
    const wait = s.wait('Hold', { secondsPath: '$.limit' });
    // @ts-expect-error SecondsPath must hold a number
    s.wait('Hold2', { secondsPath: '$.createdAt' });
    // @ts-expect-error TimestampPath must hold a string
    s.wait('Hold3', { timestampPath: '$.total' });
    // @ts-expect-error ErrorPath must hold a string
    s.fail('Bad', { errorPath: '$.total' });
    // @ts-expect-error Cause and CausePath exclude each other
    s.fail('Bad2', { cause: 'because', causePath: '$.orderId' });
    expect(wait.start.fields).to.deep.equal({ SecondsPath: '$.limit' });
  });

  it('offers next only on states that continue, retry and catch only on those that can fail', () => {
    const { s } = setup();
    const done = s.succeed('Done');
    // @ts-expect-error a Succeed state has no successor
    done.next;
    // @ts-expect-error a Pass state cannot be retried
    s.pass('Nothing').retry;
    // @ts-expect-error a Choice state has no Catch
    s.choice('Which').catch;
    expect(done.ends).to.deep.equal([]);
  });
});

describe('Compile-time guarantees: rendering', () => {
  it('resolves resources only for declared task functions', () => {
    const wf = new Workflow<'charge'>();
    const s = wf.states<ShopData>();
    const built = wf.build(s.task('Charge', charge, { parameters: { 'orderId.$': '$.orderId', 'amount.$': '$.total' } }));
    const resolveCharge = (fn: 'charge') => arn(fn);
    const resolveOther = (fn: 'reserve') => arn(fn);
    // @ts-expect-error the resolver must accept every function of the workflow
    built.render(resolveOther);
    expect(built.render(resolveCharge).States.Charge).to.include({ Resource: arn('charge') });
  });
});
