/** What `status` and `history` share: one ORDER_ID, looked up through the API, or "not found". */
import type { OrderClient, OrderStatus } from '../client/orderClient';
import { clientFor, withClient } from './client';
import { CLIENT_OPTIONS, parseOptions, say, UsageError } from './options';

/** Prints what a command shows of a found order. */
export type ShowOrder = (status: OrderStatus, context: { orderId: string; client: OrderClient; json: boolean }) => Promise<void>;

/**
 * Runs a command of the form `NAME ORDER_ID [--json] [client options]`: `--help` prints `usage`;
 * an unknown order is reported (as JSON with `--json`) with exit code 1; a found one goes to
 * `show`, with exit code 0.
 */
export async function orderCommand(name: string, usage: string, args: readonly string[], show: ShowOrder): Promise<number> {
  const { values, positionals } = parseOptions(args, CLIENT_OPTIONS);
  if (values.help) {
    say(usage);
    return 0;
  }
  const [orderId, ...rest] = positionals;
  if (orderId === undefined || rest.length > 0) throw new UsageError(`${name} takes one ORDER_ID`);
  return withClient(clientFor(values), async (client) => {
    const status = await client.status(orderId);
    if (status === undefined) {
      say(values.json ? JSON.stringify({ orderId, message: 'Order not found' }) : `No order ${orderId}`);
      return 1;
    }
    await show(status, { orderId, client, json: values.json });
    return 0;
  });
}
