import { itEvaluates, itFails } from '../expectations';

describe('Function: States.Base64Encode', () => {
  itEvaluates([
    { expression: 'States.Base64Encode($.input)', input: { input: 'Data to encode' }, expected: 'RGF0YSB0byBlbmNvZGU=', source: 'AWS guide' },
    { expression: "States.Base64Encode('')", expected: '' },
    { expression: "States.Base64Encode('héllo ✓')", expected: 'aMOpbGxvIOKckw==' },
    { expression: 'States.Base64Encode($.s)', input: { s: 'x'.repeat(10000) }, expected: 'eHh4'.repeat(3333) + 'eA==' },
  ]);
  itFails([
    { expression: 'States.Base64Encode($.s)', input: { s: 'x'.repeat(10001) }, cause: 'Invalid arguments in States.Base64Encode: the input string exceeds the limit of 10000 characters' },
    { expression: 'States.Base64Encode($.s)', input: { s: { a: 1 } }, cause: 'Invalid arguments in States.Base64Encode: argument 1 must be a string, got {"a":1}' },
  ]);
});

describe('Function: States.Base64Decode', () => {
  const call = 'States.Base64Decode($.FunctionInput)';
  itEvaluates([
    { expression: call, input: { FunctionInput: '' }, expected: '', source: 'corpus 673' },
    { expression: call, input: { FunctionInput: 'RGF0YSB0byBlbmNvZGU=' }, expected: 'Data to encode', source: 'corpus 674' },
    { expression: call, input: { FunctionInput: 'aMOpbGxvIOKckw==' }, expected: 'héllo ✓' },
    { expression: call, input: { FunctionInput: 'aMOpbGxvIOKckw' }, expected: 'héllo ✓' },
    { expression: 'States.Base64Decode(States.Base64Encode($.s))', input: { s: 'round trip' }, expected: 'round trip' },
  ]);
  itFails([
    { expression: call, input: { FunctionInput: 'not base64!' }, cause: 'Invalid arguments in States.Base64Decode: the argument is not a valid Base64 string' },
    { expression: call, input: { FunctionInput: 'abcde' }, cause: 'Invalid arguments in States.Base64Decode: the argument is not a valid Base64 string' },
    { expression: call, input: { FunctionInput: 'ab=c' }, cause: 'Invalid arguments in States.Base64Decode: the argument is not a valid Base64 string' },
    { expression: call, input: { FunctionInput: 'A'.repeat(10004) }, cause: 'Invalid arguments in States.Base64Decode: the input string exceeds the limit of 10000 characters' },
  ]);
});

describe('Function: States.Hash', () => {
  const call = 'States.Hash($.FunctionInput.fst, $.FunctionInput.snd)';
  function hashOf(algorithm: string) {
    return { FunctionInput: { fst: 'input data', snd: algorithm } };
  }
  itEvaluates([
    { expression: call, input: hashOf('MD5'), expected: '812f45842bc6d66ee14572ce20db8e86', source: 'md5sum' },
    { expression: call, input: hashOf('SHA-1'), expected: 'aaff4a450a104cd177d28d18d74485e8cae074b7', source: 'corpus 697' },
    { expression: call, input: hashOf('SHA-256'), expected: 'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3', source: 'corpus 698' },
    {
      expression: call,
      input: hashOf('SHA-384'),
      expected: 'd28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562',
      source: 'corpus 699',
    },
    {
      expression: call,
      input: hashOf('SHA-512'),
      expected: '6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4',
      source: 'corpus 700',
    },
    { expression: "States.Hash('héllo ✓', 'SHA-256')", expected: '5657cdef8a85a584e0e961e6f8247cf5d3f8ed21496ed6fdbcfd43a761e94245', source: 'sha256sum' },
  ]);
  itFails([
    { expression: call, input: hashOf('SHA-224'), cause: "Invalid arguments in States.Hash: the hash algorithm 'SHA-224' is not supported, use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512" },
    { expression: call, input: hashOf('sha-256'), cause: "Invalid arguments in States.Hash: the hash algorithm 'sha-256' is not supported, use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512" },
    { expression: call, input: hashOf('toString'), cause: "Invalid arguments in States.Hash: the hash algorithm 'toString' is not supported, use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512" },
    { expression: "States.Hash($.d, 'MD5')", input: { d: 'x'.repeat(10001) }, cause: 'Invalid arguments in States.Hash: the input data exceeds the limit of 10000 characters' },
    { expression: "States.Hash($.d, 'MD5')", input: { d: 12 }, cause: 'Invalid arguments in States.Hash: argument 1 must be a string, got 12' },
  ]);
});
