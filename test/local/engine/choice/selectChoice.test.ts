import { expect } from 'chai';
import { matchChoice, selectChoice } from '../../../../local/engine/choice';
import { StatesError } from '../../../../local/engine/errors';

const scope = (input: unknown) => ({ input, context: {}, variables: {} });

/** The AWS developer guide's ChoiceStateX example. */
const CHOICE_STATE_X = {
  Choices: [
    { Not: { Variable: '$.type', StringEquals: 'Private' }, Next: 'Public' },
    { Variable: '$.value', NumericEquals: 0, Next: 'ValueIsZero' },
    {
      And: [
        { Variable: '$.value', NumericGreaterThanEquals: 20 },
        { Variable: '$.value', NumericLessThan: 30 },
      ],
      Next: 'ValueInTwenties',
    },
  ],
  Default: 'DefaultState',
};

describe('Function: selectChoice', () => {
  const rows: [input: unknown, next: string][] = [
    [{ type: 'Private', value: 22 }, 'ValueInTwenties'],
    [{ type: 'Public', value: 22 }, 'Public'],
    [{ type: 'Private', value: 0 }, 'ValueIsZero'],
    [{ type: 'Private', value: 40 }, 'DefaultState'],
  ];
  for (const [input, next] of rows) {
    it(`goes to ${next} for ${JSON.stringify(input)}`, () => {
      expect(selectChoice(CHOICE_STATE_X, scope(input))).to.equal(next);
    });
  }

  it('tells which rule matched, and none for the Default', () => {
    expect(matchChoice(CHOICE_STATE_X, scope({ type: 'Private', value: 0 }))).to.deep.equal({ next: 'ValueIsZero', ruleIndex: 1 });
    expect(matchChoice(CHOICE_STATE_X, scope({ type: 'Private', value: 40 }))).to.deep.equal({ next: 'DefaultState', ruleIndex: undefined });
  });

  it('fails with States.NoChoiceMatched when nothing matches and there is no Default', () => {
    // Prepare
    const state = { Choices: [{ Variable: '$.value', NumericEquals: 0, Next: 'ValueIsZero' }] };
    // Act
    let caught: unknown;
    try {
      selectChoice(state, scope({ value: 1 }));
    } catch (error) {
      caught = error;
    }
    // Assess
    expect(caught).to.be.instanceOf(StatesError);
    expect((caught as StatesError).error).to.equal('States.NoChoiceMatched');
  });

  it('fails on a missing Variable even when a Default exists (AWS does not take the Default)', () => {
    expect(() => selectChoice(CHOICE_STATE_X, scope({ value: 22 }))).to.throw(StatesError, "Invalid path '$.type'");
  });
});
