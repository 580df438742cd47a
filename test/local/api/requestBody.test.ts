import { expect } from 'chai';
import { parseJsonBody } from '../../../local/api/requestBody';

describe('Function: parseJsonBody', () => {
  it('reads UTF-8 JSON, dropping a byte order mark as before', () => {
    expect(parseJsonBody(Buffer.from('{"city":"Zürich"}'))).to.deep.equal({ value: { city: 'Zürich' } });
    expect(parseJsonBody(Buffer.from('\uFEFF{"a":1}'))).to.deep.equal({ value: { a: 1 } });
  });

  it('refuses bytes that are not UTF-8, and reads the next body whole after one', () => {
    // Prepare: an invalid sequence, then a truncated one (a decoder keeping state would join them)
    const invalid = Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]);
    const truncated = Buffer.from([0x22, 0xc3]);

    // Act
    const results = [parseJsonBody(invalid), parseJsonBody(truncated), parseJsonBody(Buffer.from('"\u00e9"'))];

    // Assess
    expect(results).to.deep.equal([undefined, undefined, { value: 'é' }]);
  });

  it('refuses text that is not JSON', () => {
    expect(parseJsonBody(Buffer.from('{"a":'))).to.equal(undefined);
  });
});
