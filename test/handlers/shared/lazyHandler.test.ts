import { expect } from 'chai';
import { lazyHandler } from '../../../handlers/shared/lazyHandler';

describe('Function: lazyHandler', () => {
  it('builds once, on first invocation', async () => {
    let builds = 0;
    const handler = lazyHandler(() => {
      builds++;
      return async (event: unknown) => ({ echoed: event });
    });
    expect(builds).to.equal(0);
    expect(await Promise.all([handler(1), handler(2)])).to.deep.equal([{ echoed: 1 }, { echoed: 2 }]);
    expect(builds).to.equal(1);
  });

  it('retries a failed build on the next invocation', async () => {
    let builds = 0;
    const handler = lazyHandler(async () => {
      builds++;
      if (builds === 1) throw new Error('missing setting');
      return async () => 'ok';
    });
    const first = await handler({}).catch((error: Error) => error.message);
    expect(first).to.equal('missing setting');
    expect(await handler({})).to.equal('ok');
    expect(builds).to.equal(2);
  });

  it('does not rebuild when the handler itself fails', async () => {
    let builds = 0;
    const handler = lazyHandler(() => {
      builds++;
      return async () => {
        throw new Error('step failed');
      };
    });
    await handler({}).catch(() => undefined);
    await handler({}).catch(() => undefined);
    expect(builds).to.equal(1);
  });
});
