/**
 * A fake SNS endpoint: an in-process HTTP server that speaks the Publish action of SNS's
 * Query protocol (form-encoded request, XML response), so the real SNS client can be tested
 * without AWS. It is a fake: it records messages and delivers nothing.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A message the fake received. */
export interface ReceivedPublish {
  readonly topicArn: string;
  readonly subject?: string;
  readonly message: string;
  readonly attributes: Record<string, string>;
  readonly messageId: string;
}

/** The running fake. */
export interface FakeSns {
  readonly endpoint: string;
  readonly received: ReceivedPublish[];
  /** Makes the next Publish fail with this SNS error code and HTTP status. */
  failNext(code: string, status: number): void;
  stop(): Promise<void>;
}

const XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';

function errorXml(code: string, message: string): string {
  return `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
}

/** Starts the fake on 127.0.0.1 (a random port). */
export async function startFakeSns(): Promise<FakeSns> {
  const received: ReceivedPublish[] = [];
  let failure: { code: string; status: number } | undefined;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      response.setHeader('content-type', 'text/xml');
      if (failure !== undefined) {
        const { code, status } = failure;
        failure = undefined;
        response.writeHead(status).end(errorXml(code, `fake ${code}`));
        return;
      }
      if (form.get('Action') !== 'Publish' || form.get('TopicArn') === null || form.get('Message') === null) {
        response.writeHead(400).end(errorXml('InvalidParameter', 'fake SNS supports Publish with TopicArn and Message only'));
        return;
      }
      const attributes: Record<string, string> = {};
      for (let i = 1; form.has(`MessageAttributes.entry.${i}.Name`); i++) {
        attributes[form.get(`MessageAttributes.entry.${i}.Name`) ?? ''] = form.get(`MessageAttributes.entry.${i}.Value.StringValue`) ?? '';
      }
      const messageId = randomUUID();
      received.push({
        topicArn: form.get('TopicArn') ?? '',
        ...(form.get('Subject') !== null ? { subject: form.get('Subject') ?? '' } : {}),
        message: form.get('Message') ?? '',
        attributes,
        messageId,
      });
      response
        .writeHead(200)
        .end(`<PublishResponse xmlns="${XMLNS}"><PublishResult><MessageId>${messageId}</MessageId></PublishResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    received,
    failNext(code, status) {
      failure = { code, status };
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
