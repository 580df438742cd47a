import { itEvaluates, itFails } from '../expectations';

/** The corpus cases call `States.X($.FunctionInput.fst, $.FunctionInput.snd)` on this input shape. */
function pair(fst: unknown, snd: unknown) {
  return { FunctionInput: { fst, snd } };
}

describe('Function: States.Array', () => {
  itEvaluates([
    { expression: 'States.Array($.FunctionInput.fst, $.FunctionInput.snd)', input: pair(' ', ' '), expected: [' ', ' '], source: 'corpus 601' },
    { expression: 'States.Array($.FunctionInput.fst, $.FunctionInput.snd)', input: pair(null, null), expected: [null, null], source: 'corpus 603' },
    { expression: 'States.Array($.FunctionInput.fst, $.FunctionInput.snd)', input: pair(1.1, 1.1), expected: [1.1, 1.1], source: 'corpus 605' },
    { expression: 'States.Array($.Id)', input: { Id: 123456 }, expected: [123456], source: 'AWS guide' },
    { expression: 'States.Array()', expected: [] },
    { expression: "States.Array('a', 1, -2.5, true, false, null, $.o)", input: { o: { k: [1] } }, expected: ['a', 1, -2.5, true, false, null, { k: [1] }] },
    { expression: 'States.Array(States.Array(1), States.Array())', expected: [[1], []] },
  ]);
});

describe('Function: States.ArrayPartition', () => {
  const call = 'States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)';
  itEvaluates([
    { expression: call, input: pair([], 3), expected: [], source: 'corpus 621' },
    { expression: call, input: pair([], 5), expected: [], source: 'corpus 623' },
    { expression: call, input: pair([0], 2), expected: [[0]], source: 'corpus 625' },
    { expression: call, input: pair([0], 4), expected: [[0]], source: 'corpus 627' },
    { expression: call, input: pair([0, 1], 2), expected: [[0, 1]], source: 'corpus 630' },
    { expression: call, input: pair([0, 1], 5), expected: [[0, 1]], source: 'corpus 633' },
    { expression: call, input: pair([0, 1, 2], 2), expected: [[0, 1], [2]], source: 'corpus 635' },
    { expression: call, input: pair([0, 1, 2], 4), expected: [[0, 1, 2]], source: 'corpus 637' },
    { expression: call, input: pair([0, 1, 2, 3], 2), expected: [[0, 1], [2, 3]], source: 'corpus 640' },
    { expression: call, input: pair([0, 1, 2, 3], 4), expected: [[0, 1, 2, 3]], source: 'corpus 642' },
    { expression: call, input: pair([0, 1, 2, 3], 1), expected: [[0], [1], [2], [3]] },
    { expression: 'States.ArrayPartition($.inputArray, 4)', input: { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9] }, expected: [[1, 2, 3, 4], [5, 6, 7, 8], [9]], source: 'AWS guide' },
    // AWS rounds a non-integer chunk size to the nearest integer.
    { expression: call, input: pair([0, 1, 2], 1.5), expected: [[0, 1], [2]] },
    { expression: call, input: pair([0, 1, 2], 2.4), expected: [[0, 1], [2]] },
  ]);
  itFails([
    { expression: call, input: pair([0], 0), cause: 'Invalid arguments in States.ArrayPartition: the chunk size must be a non-zero, positive integer, got 0' },
    { expression: call, input: pair([0], -1), cause: 'Invalid arguments in States.ArrayPartition: the chunk size must be a non-zero, positive integer, got -1' },
    { expression: call, input: pair([0], 0.4), cause: 'Invalid arguments in States.ArrayPartition: the chunk size must be a non-zero, positive integer, got 0' },
    { expression: call, input: pair({ a: 1 }, 1), cause: 'Invalid arguments in States.ArrayPartition: argument 1 must be an array, got {"a":1}' },
    { expression: call, input: pair([0], '2'), cause: 'Invalid arguments in States.ArrayPartition: argument 2 must be a number, got "2"' },
  ]);
});

describe('Function: States.ArrayContains', () => {
  const call = 'States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)';
  itEvaluates([
    { expression: call, input: pair([], null), expected: false, source: 'corpus 608' },
    { expression: call, input: pair([], []), expected: false, source: 'corpus 609' },
    { expression: call, input: pair([[1, 2, 3], 2], null), expected: false, source: 'corpus 611' },
    { expression: call, input: pair([[1, 2, 3], 2], [1, 2, 3]), expected: true, source: 'corpus 612' },
    { expression: call, input: pair([{ 1: 2, 2: [] }], []), expected: false, source: 'corpus 613' },
    { expression: call, input: pair([{ 1: 2, 2: [] }], { 1: 2, 2: [] }), expected: true, source: 'corpus 614' },
    { expression: call, input: pair([true, false], true), expected: true, source: 'corpus 615' },
    { expression: call, input: pair([true, false], false), expected: true, source: 'corpus 616' },
    { expression: call, input: pair([[1, 2, 3], 2], 2), expected: true },
    { expression: call, input: pair([null], null), expected: true },
    { expression: call, input: pair([{ a: 1, b: 2 }], { b: 2, a: 1 }), expected: true },
    { expression: call, input: pair([[1, 2]], [2, 1]), expected: false },
    { expression: call, input: pair(['1'], 1), expected: false },
    { expression: 'States.ArrayContains($.inputArray, $.lookingFor)', input: { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9], lookingFor: 5 }, expected: true, source: 'AWS guide' },
  ]);
  itFails([{ expression: call, input: pair('abc', 'a'), cause: 'Invalid arguments in States.ArrayContains: argument 1 must be an array, got "abc"' }]);
});

describe('Function: States.ArrayRange', () => {
  itEvaluates([
    { expression: 'States.ArrayRange(1, 9, 2)', expected: [1, 3, 5, 7, 9], source: 'AWS guide' },
    { expression: 'States.ArrayRange(0, 3, 1)', expected: [0, 1, 2, 3], source: 'corpus 886' },
    { expression: 'States.ArrayRange(0, 9, 3)', expected: [0, 3, 6, 9] },
    { expression: 'States.ArrayRange(1, 9, 9)', expected: [1] },
    { expression: 'States.ArrayRange(1, 10, 4)', expected: [1, 5, 9] },
    { expression: 'States.ArrayRange(5, 1, -2)', expected: [5, 3, 1] },
    { expression: 'States.ArrayRange(3, 3, 1)', expected: [3] },
    { expression: 'States.ArrayRange(5, 1, 1)', expected: [] },
    { expression: 'States.ArrayRange(1.4, 2.5, 0.6)', expected: [1, 2, 3] },
    { expression: 'States.ArrayRange($.a, $.b, $.c)', input: { a: -2, b: 2, c: 2 }, expected: [-2, 0, 2] },
  ]);
  // AWS: "The newly generated array can't contain more than 1000 items."
  itEvaluates([{ expression: 'States.ArrayRange(1, 1000, 1)', expected: Array.from({ length: 1000 }, (_, i) => i + 1) }]);
  itFails([
    { expression: 'States.ArrayRange(1, 1001, 1)', cause: 'Invalid arguments in States.ArrayRange: the range would have 1001 items, more than the 1000 allowed' },
    { expression: 'States.ArrayRange(1, 9, 0)', cause: 'Invalid arguments in States.ArrayRange: the step (argument 3) must be a non-zero integer' },
    { expression: 'States.ArrayRange(1, 9, 0.4)', cause: 'Invalid arguments in States.ArrayRange: the step (argument 3) must be a non-zero integer' },
    { expression: "States.ArrayRange('1', 9, 1)", cause: 'Invalid arguments in States.ArrayRange: argument 1 must be a number, got "1"' },
  ]);
});

describe('Function: States.ArrayGetItem', () => {
  itEvaluates([
    { expression: 'States.ArrayGetItem($.inputArray, $.index)', input: { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9], index: 5 }, expected: 6, source: 'AWS guide' },
    { expression: 'States.ArrayGetItem($.a, 0)', input: { a: [{ k: 'v' }] }, expected: { k: 'v' } },
    { expression: "States.ArrayGetItem(States.StringSplit($.name, '-'), 0)", input: { name: 'Machine-abc-1' }, expected: 'Machine', source: 'corpus 694 shape' },
  ]);
  itFails([
    { expression: 'States.ArrayGetItem($.a, 3)', input: { a: [1, 2, 3] }, cause: 'Invalid arguments in States.ArrayGetItem: the index 3 is out of bounds for an array of 3 items' },
    { expression: 'States.ArrayGetItem($.a, -1)', input: { a: [1, 2, 3] }, cause: 'Invalid arguments in States.ArrayGetItem: the index -1 is out of bounds for an array of 3 items' },
    { expression: 'States.ArrayGetItem($.a, 1.5)', input: { a: [1, 2, 3] }, cause: 'Invalid arguments in States.ArrayGetItem: the index 1.5 is out of bounds for an array of 3 items' },
    { expression: 'States.ArrayGetItem($.a, 0)', input: { a: null }, cause: 'Invalid arguments in States.ArrayGetItem: argument 1 must be an array, got null' },
  ]);
});

describe('Function: States.ArrayLength', () => {
  const mixed = [null, null, true, true, false, false, 1, 1, 1.1, 0, 0, 'HelloWorld', 'HelloWorld', [], [], [null], [null], { a: 1, b: 2 }, { a: 1, b: 2 }, { a: 1, b: 1 }];
  itEvaluates([
    { expression: 'States.ArrayLength($.FunctionInput)', input: { FunctionInput: mixed }, expected: 20, source: 'corpus 648' },
    { expression: 'States.ArrayLength($.inputArray)', input: { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9] }, expected: 9, source: 'AWS guide' },
    { expression: 'States.ArrayLength(States.Array())', expected: 0 },
  ]);
  itFails([{ expression: 'States.ArrayLength($.s)', input: { s: 'abc' }, cause: 'Invalid arguments in States.ArrayLength: argument 1 must be an array, got "abc"' }]);
});

describe('Function: States.ArrayUnique', () => {
  const mixed = [null, null, true, true, false, false, 1, 1, 1.1, 0, 0, 'HelloWorld', 'HelloWorld', [], [], [null], [null], { a: 1, b: 2 }, { a: 1, b: 2 }, { a: 1, b: 1 }];
  itEvaluates([
    { expression: 'States.ArrayUnique($.inputArray)', input: { inputArray: [1, 2, 3, 3, 3, 3, 3, 3, 4] }, expected: [1, 2, 3, 4], source: 'AWS guide' },
    {
      expression: 'States.ArrayUnique($.FunctionInput)',
      input: { FunctionInput: mixed },
      expected: [null, true, false, 1, 1.1, 0, 'HelloWorld', [], [null], { a: 1, b: 2 }, { a: 1, b: 1 }],
      source: 'corpus 648 input',
    },
    { expression: 'States.ArrayUnique($.a)', input: { a: [{ x: 1, y: 2 }, { y: 2, x: 1 }, '1', 1] }, expected: [{ x: 1, y: 2 }, '1', 1] },
    { expression: 'States.ArrayUnique($.a)', input: { a: [3, 1, 3, 2, 1] }, expected: [3, 1, 2] },
  ]);
  itFails([{ expression: 'States.ArrayUnique($.o)', input: { o: {} }, cause: 'Invalid arguments in States.ArrayUnique: argument 1 must be an array, got {}' }]);
});
