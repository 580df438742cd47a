import { expect } from 'chai';
import { isValidExecutionName } from '../../../local/api';

describe('Function: isValidExecutionName', () => {
  const valid = ['order-1', 'a', 'A_b.c-9', 'x'.repeat(80), 'ümlaut', '__proto__'];
  const invalid = ['', 'x'.repeat(81), 'a b', 'a/b', '../..', 'a\\b', 'a:b', 'a?b', 'a*b', 'a"b', 'a#b', 'a%b', 'a{b', 'a[b', 'a<b', 'a|b', 'a~b', 'a`b', 'a$b', 'a&b', 'a,b', 'a;b', 'a^b', 'a\u0000b', 'a\u007fb', 'a\tb', 'a\u0085b'];
  for (const name of valid) {
    it(`accepts ${JSON.stringify(name.slice(0, 20))}`, () => expect(isValidExecutionName(name)).to.equal(true));
  }
  for (const name of invalid) {
    it(`refuses ${JSON.stringify(name.slice(0, 20))} (${name.length} chars)`, () => expect(isValidExecutionName(name)).to.equal(false));
  }
});
