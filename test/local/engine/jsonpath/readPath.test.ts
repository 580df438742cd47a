import { expect } from 'chai';
import { JsonPathSyntaxError, PathNotFoundError, readPath } from '../../../../local/engine/jsonpath';

const ITEMS = { items: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => ({ item_key: k })) };
const STORE = {
  store: {
    book: [
      { category: 'reference', price: 8.95 },
      { category: 'fiction', price: 12.99, isbn: '0-553-21311-3' },
      { category: 'fiction', price: 22.99, isbn: '0-395-19395-8' },
    ],
    bicycle: { color: 'red', price: 19.95 },
  },
  users: [
    { year: 1997, status: 0 },
    { year: 1998, status: 1 },
  ],
  'a b': 1,
  'Test\\""Name"': 'Value"\\',
};
const CONTEXT = {
  Execution: { Id: 'arn:aws:states:us-east-1:111111111111:execution:sm:e1', Input: { 'input-value': 0 } },
  State: { Name: 'State0', RetryCount: 0 },
  Map: { Item: { Index: 2, Value: 'Squirtle' } },
};
const VARIABLES = { größe: 3, bias: 4.3, constant_obj: { in_obj_constant_lst: [null, 0, 0.1] }, xCurrent: 9 };
const scope = (input: unknown) => ({ input, context: CONTEXT, variables: VARIABLES });

describe('Function: readPath', () => {
  describe('definite paths give the node', () => {
    const rows: [path: string, input: unknown, expected: unknown][] = [
      ['$', { a: 1 }, { a: 1 }],
      ['$', 'text', 'text'],
      ['$.items[0]', ITEMS, { item_key: 0 }],
      ['$.items[10]', ITEMS, { item_key: 10 }],
      ['$.items[-1].item_key', ITEMS, 10],
      ['$.store.bicycle.color', STORE, 'red'],
      ["$['store']['bicycle']['price']", STORE, 19.95],
      ['$["store"].bicycle', STORE, { color: 'red', price: 19.95 }],
      ["$['a b']", STORE, 1],
      ["$['Test\\\"\"Name\"']", STORE, 'Value"\\'],
      ["$.store['bicycle', 'nope']", STORE, { bicycle: { color: 'red', price: 19.95 } }],
      ['$[1]', [9, 44, 6], 44],
      ['$.a', { a: null }, null],
      ['$$.Execution.Input.input-value', {}, 0],
      ['$$.Map.Item.Value', {}, 'Squirtle'],
      ['$$', {}, CONTEXT],
      ['$bias', {}, 4.3],
      ['$größe', {}, 3],
      ['$constant_obj.in_obj_constant_lst[2]', {}, 0.1],
    ];
    for (const [path, input, expected] of rows) {
      it(`${path} gives ${JSON.stringify(expected)}`, () => {
        expect(readPath(path, scope(input))).to.deep.equal(expected);
      });
    }
  });

  describe('indefinite paths give the list of matches', () => {
    const rows: [path: string, input: unknown, expected: unknown][] = [
      ['$.users[?(@.status == 0)]', STORE, [{ year: 1997, status: 0 }]],
      ['$.store.book[?(@.price > 10)].price', STORE, [12.99, 22.99]],
      ['$.store.book[?(@.isbn)].price', STORE, [12.99, 22.99]],
      ['$.store.book[?(!@.isbn)].category', STORE, ['reference']],
      ["$.store.book[?(@.category == 'fiction' && @.price < 20)].price", STORE, [12.99]],
      ["$.store.book[?(@.category in ['reference'])].price", STORE, [8.95]],
      ['$.store.book[?(@.category =~ /fic.*/)].price', STORE, [12.99, 22.99]],
      ['$.store.book[?(@.price > $.store.bicycle.price)].price', STORE, [22.99]],
      ["$.users[?(@.status == '1')].year", STORE, [1998]],
      ['$.store.book[*].category', STORE, ['reference', 'fiction', 'fiction']],
      ['$..price', STORE, [8.95, 12.99, 22.99, 19.95]],
      ['$.store..color', STORE, ['red']],
      ['$..[?(@.price > 20)].isbn', STORE, ['0-395-19395-8']],
      ['$..book[0].price', STORE, [8.95]],
      ['$.store.*', { store: { a: 1, b: [2] } }, [1, [2]]],
      ['$.items[1:3].item_key', ITEMS, [1, 2]],
      ['$.items[:1].item_key', ITEMS, [0]],
      ['$.items[9:].item_key', ITEMS, [9, 10]],
      ['$.items[-2:].item_key', ITEMS, [9, 10]],
      ['$.items[0,2].item_key', ITEMS, [0, 2]],
      ['$.item.items[1:5].itemValue', {}, []],
      ['$.item.items[1:5]', {}, []],
      ['$.items[1:]', {}, []],
      ['$.nope[*]', { nope: 'x' }, []],
    ];
    for (const [path, input, expected] of rows) {
      it(`${path} gives ${JSON.stringify(expected)}`, () => {
        expect(readPath(path, scope(input))).to.deep.equal(expected);
      });
    }
  });

  describe('definite paths that select nothing fail with Jayway\'s message', () => {
    const rows: [path: string, input: unknown, message: string][] = [
      ['$.NoSuchInputPath', { 'int-literal': 0 }, "No results for path: $['NoSuchInputPath']"],
      ['$.items[11]', ITEMS, "No results for path: $['items'][11]"],
      ['$.a.b.c', { a: {} }, "Missing property in path $['a']['b']"],
      ['$.a[0]', { a: null }, "The path $['a'] is null"],
      ['$$.Execution.Nope', {}, "No results for path: $['Execution']['Nope']"],
      ['$constant_obj.nope', {}, "No results for path: $['nope']"],
      ['$noSuchVar', {}, "No variable named 'noSuchVar' is defined"],
      ['$.Jobs.sum()', { Jobs: [0, 1] }, 'Function sum() is not supported: $.Jobs.sum()'],
    ];
    for (const [path, input, message] of rows) {
      it(`${path} fails: ${message}`, () => {
        expect(() => readPath(path, scope(input))).to.throw(PathNotFoundError, message);
      });
    }
  });

  describe('text that is not a path', () => {
    for (const path of ['a.b', '$.', '$[', '$.a[?(@.x ==)]', '$.a[1:b]']) {
      it(`rejects ${JSON.stringify(path)}`, () => {
        expect(() => readPath(path, scope({}))).to.throw(JsonPathSyntaxError);
      });
    }
  });

  it('returns a copy, so changing it leaves the input alone', () => {
    // Prepare
    const input = { a: { b: [1] } };
    // Act
    const read = readPath('$.a', scope(input)) as { b: number[] };
    read.b.push(2);
    // Assess
    expect(input).to.deep.equal({ a: { b: [1] } });
  });
});
