/** Opens an {@link OrderClient} from a command's connection options. */
import { resolveConnection } from '../client/connection';
import { OrderClient } from '../client/orderClient';

/** The client for `--url`/`--api-key`/`--data-dir` (see resolveConnection). */
export function clientFor(values: { url?: string; 'api-key'?: string; 'data-dir': string }, maxSockets?: number): OrderClient {
  const connection = resolveConnection({
    dataDir: values['data-dir'],
    ...(values.url !== undefined ? { url: values.url } : {}),
    ...(values['api-key'] !== undefined ? { apiKey: values['api-key'] } : {}),
  });
  return new OrderClient(connection.url, connection.apiKey, maxSockets);
}

/** Runs `work` with a client, closing it afterwards. */
export async function withClient<R>(client: OrderClient, work: (client: OrderClient) => Promise<R>): Promise<R> {
  try {
    return await work(client);
  } finally {
    client.close();
  }
}
