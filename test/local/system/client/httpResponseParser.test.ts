import { expect } from 'chai';
import { HttpProtocolError, ResponseParser, type HttpTextResponse } from '../../../../local/system/client/httpResponseParser';

const RESPONSES: Array<{ name: string; bytes: string; expected: HttpTextResponse; keepAlive: boolean }> = [
  {
    name: 'a content-length body with a non-ASCII character',
    bytes: 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{"a":"héé"}',
    expected: { status: 200, headers: { 'content-type': 'application/json', 'content-length': '13' }, text: '{"a":"héé"}' },
    keepAlive: true,
  },
  {
    name: 'a chunked body with an extension and trailers, after a 100 Continue',
    bytes: 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n\r\n3;x=y\r\nabc\r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n',
    expected: { status: 201, headers: { 'transfer-encoding': 'chunked', 'set-cookie': ['a=1', 'b=2'] }, text: 'abc0123456789' },
    keepAlive: true,
  },
  {
    name: 'an empty answer that closes the connection',
    bytes: 'HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n',
    expected: { status: 204, headers: { connection: 'close' }, text: '' },
    keepAlive: false,
  },
];

/** Feeds `bytes` in the given pieces; the response, once complete. */
function parse(parser: ResponseParser, pieces: readonly Buffer[]): HttpTextResponse | undefined {
  let response: HttpTextResponse | undefined;
  for (const piece of pieces) response = parser.feed(piece) ?? response;
  return response;
}

describe('Class: ResponseParser', () => {
  for (const { name, bytes, expected, keepAlive } of RESPONSES) {
    it(`reads ${name}, however the bytes are split`, () => {
      const whole = Buffer.from(bytes, 'utf8');
      for (let split = 0; split <= whole.length; split++) {
        const parser = new ResponseParser();
        parser.expect(false);

        const response = parse(parser, [whole.subarray(0, split), whole.subarray(split)]);

        expect(response, `split at ${split}`).to.deep.equal(expected);
        expect(parser.keepAlive).to.equal(keepAlive);
        expect(parser.overrun).to.equal(false);
      }
    });
  }

  it('reads one response after another on the same connection, and flags bytes after a response', () => {
    const parser = new ResponseParser();
    parser.expect(false);
    const first = parser.feed(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'));
    parser.expect(true); // a HEAD: no body, whatever the length says
    const head = parser.feed(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n'));
    parser.expect(false);
    const third = parser.feed(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nxHTTP/1.1'));

    expect([first?.text, head?.text, third?.text]).to.deep.equal(['ok', '', 'x']);
    expect(parser.overrun).to.equal(true);
  });

  it('ends a body without a length at the close, and has nothing to give at a close between responses', () => {
    const parser = new ResponseParser();
    parser.expect(false);
    expect(parser.feed(Buffer.from('HTTP/1.0 200 OK\r\n\r\npart one, '))).to.equal(undefined);
    expect(parser.feed(Buffer.from('part two'))).to.equal(undefined);

    expect(parser.closed()).to.deep.equal({ status: 200, headers: {}, text: 'part one, part two' });
    expect(parser.keepAlive).to.equal(false);
    expect(parser.closed()).to.equal(undefined);
  });

  const MALFORMED: Array<[string, string]> = [
    ['a status line that is not HTTP/1.x', 'ICY 200 OK\r\n\r\n'],
    ['a status code that is not three digits', 'HTTP/1.1 2x0 OK\r\n\r\n'],
    ['a header line without a colon', 'HTTP/1.1 200 OK\r\nno colon here\r\n\r\n'],
    ['a content-length that is not a number', 'HTTP/1.1 200 OK\r\nContent-Length: 1e3\r\n\r\n'],
    ['two content-lengths that disagree', 'HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n'],
    ['a chunk size that is not hex', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'],
    ['a chunk not followed by CRLF', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nabc\r\n'],
  ];
  for (const [what, bytes] of MALFORMED) {
    it(`refuses ${what}`, () => {
      const parser = new ResponseParser();
      parser.expect(false);

      expect(() => parser.feed(Buffer.from(bytes))).to.throw(HttpProtocolError);
    });
  }
});
