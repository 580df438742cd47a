import { itEvaluates, itFails } from '../expectations';

const one = "States.Format('Formatting argument {}.', $.FunctionInput)";
const two = "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)";
const jsonInString = '{"Arg1": 1, "Arg2": []}';

describe('Function: States.Format', () => {
  describe('values as AWS prints them', () => {
    itEvaluates([
      { expression: one, input: { FunctionInput: '' }, expected: 'Formatting argument .', source: 'corpus 679' },
      { expression: one, input: { FunctionInput: ' ' }, expected: 'Formatting argument  .', source: 'corpus 680' },
      { expression: one, input: { FunctionInput: null }, expected: 'Formatting argument null.', source: 'corpus 682' },
      { expression: one, input: { FunctionInput: 1 }, expected: 'Formatting argument 1.', source: 'corpus 683' },
      { expression: one, input: { FunctionInput: 1.1 }, expected: 'Formatting argument 1.1.', source: 'corpus 684' },
      { expression: two, input: { FunctionInput: { fst: 'HelloWorld', snd: 'HelloWorld' } }, expected: 'Formatting arguments fst=HelloWorld and snd=HelloWorld.', source: 'corpus 688' },
      { expression: two, input: { FunctionInput: { fst: 1, snd: 1 } }, expected: 'Formatting arguments fst=1 and snd=1.', source: 'corpus 690' },
      { expression: two, input: { FunctionInput: { fst: jsonInString, snd: jsonInString } }, expected: `Formatting arguments fst=${jsonInString} and snd=${jsonInString}.`, source: 'corpus 692' },
      { expression: one, input: { FunctionInput: true }, expected: 'Formatting argument true.' },
      { expression: one, input: { FunctionInput: -7 }, expected: 'Formatting argument -7.' },
      { expression: one, input: { FunctionInput: [1, 'a', null] }, expected: 'Formatting argument [1,"a",null].' },
      { expression: one, input: { FunctionInput: { b: 1, a: { c: [] } } }, expected: 'Formatting argument {"b":1,"a":{"c":[]}}.' },
      { expression: "States.Format('Format:{}', 101)", expected: 'Format:101', source: 'corpus 790 text' },
      { expression: "States.Format('{} {} {}', 0.5, -1.25, 'x')", expected: '0.5 -1.25 x' },
    ]);
  });

  describe('templates', () => {
    itEvaluates([
      { expression: "States.Format('Hello, my name is {}.', $.name)", input: { name: 'Arnav' }, expected: 'Hello, my name is Arnav.', source: 'AWS guide' },
      { expression: 'States.Format($.template, $.name)', input: { name: 'Arnav', template: 'Hello, my name is {}.' }, expected: 'Hello, my name is Arnav.', source: 'AWS guide' },
      { expression: "States.Format('{}', $.Error)", input: { Error: 'error string' }, expected: 'error string', source: 'corpus 052' },
      {
        expression: "States.Format('This is a custom error message for {}, caused by {}.', $.Error, $.Cause)",
        input: { Error: 'error string', Cause: 'cause string' },
        expected: 'This is a custom error message for error string, caused by cause string.',
        source: 'corpus 052',
      },
      { expression: "States.Format('no placeholders')", expected: 'no placeholders' },
      { expression: "States.Format('{}{}', 'a', 'b')", expected: 'ab' },
      { expression: "States.Format('literal \\{\\} and {}', 'value')", expected: 'literal {} and value' },
      { expression: "States.Format('it\\'s {}', 'mine')", expected: "it's mine" },
      { expression: "States.Format('a\\\\b {}', 1)", expected: 'a\\b 1' },
      { expression: "States.Format('{ } {}', 1)", expected: '{ } 1' },
      // A value is never re-read as a template.
      { expression: "States.Format('{}', '{}')", expected: '{}' },
      { expression: "States.Format('{} and {}', States.Format('<{}>', 1), States.JsonToString($.o))", input: { o: { k: 'v' } }, expected: '<1> and {"k":"v"}' },
    ]);
  });

  itFails([
    { expression: "States.Format('{} {}', 'only one')", cause: 'Invalid arguments in States.Format: the template has 2 placeholder(s) but 1 value(s) were given' },
    { expression: "States.Format('none', 'extra')", cause: 'Invalid arguments in States.Format: the template has 0 placeholder(s) but 1 value(s) were given' },
    { expression: "States.Format('\\{\\}', 'x')", cause: 'Invalid arguments in States.Format: the template has 0 placeholder(s) but 1 value(s) were given' },
    { expression: 'States.Format($.t)', input: { t: 5 }, cause: 'Invalid arguments in States.Format: argument 1 must be a string, got 5' },
  ]);
});
