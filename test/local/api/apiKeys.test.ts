import { expect } from 'chai';
import { ApiKeyRegistry, digestApiKey } from '../../../local/api';

describe('Class: ApiKeyRegistry', () => {
  const registry = new ApiKeyRegistry([
    { id: 'plain', value: 'key-one' },
    { id: 'hashed', sha256: digestApiKey('key-two').toString('hex') },
  ]);

  const cases: Array<[string | undefined, string | undefined]> = [
    ['key-one', 'plain'],
    ['key-two', 'hashed'],
    ['key-one ', undefined],
    ['KEY-ONE', undefined],
    ['', undefined],
    [undefined, undefined],
    [digestApiKey('key-two').toString('hex'), undefined],
  ];
  for (const [presented, id] of cases) {
    it(`identifies ${JSON.stringify(presented)} as ${String(id)}`, () => {
      expect(registry.identify(presented)).to.equal(id);
    });
  }

  it('keeps no key in clear', () => {
    expect(JSON.stringify(registry)).not.to.contain('key-one');
    expect(Object.values(registry).flat().every((key: { digest: Buffer }) => key.digest.length === 32)).to.equal(true);
  });

  it('refuses a digest that is not 64 hex digits', () => {
    expect(() => new ApiKeyRegistry([{ id: 'bad', sha256: 'abc' }])).to.throw(RangeError);
  });
});
