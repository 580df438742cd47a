/** `status`: an order's execution status, output or error and cause, and timestamps. */
import type { OrderStatus } from '../client/orderClient';
import { clientFor, withClient } from './client';
import { CLIENT_OPTIONS, parseOptions, say, UsageError } from './options';

export const STATUS_USAGE = `Usage: order-workflow status ORDER_ID [--json] [--url URL] [--api-key KEY] [--data-dir .data]`;

/** Prints a status, as JSON or as a short report. */
export function printStatus(status: OrderStatus, json: boolean): void {
  if (json) return say(JSON.stringify(status));
  const started = new Date(status.startDate * 1000);
  say(`Order ${status.orderId}: ${status.status}`);
  say(`  execution  ${status.executionArn}`);
  say(`  started    ${started.toISOString()}`);
  if (status.stopDate !== undefined) say(`  stopped    ${new Date(status.stopDate * 1000).toISOString()} (${Math.round((status.stopDate - status.startDate) * 1000)} ms)`);
  if (status.error !== undefined) say(`  error      ${status.error}`);
  if (status.cause !== undefined) say(`  cause      ${status.cause}`);
  if (status.output !== undefined) say(`  output     ${JSON.stringify(status.output)}`);
}

/** Runs `status`; the process exit code (1 when no such order). */
export async function statusCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, CLIENT_OPTIONS);
  if (values.help) {
    say(STATUS_USAGE);
    return 0;
  }
  const [orderId, ...rest] = positionals;
  if (orderId === undefined || rest.length > 0) throw new UsageError('status takes one ORDER_ID');
  return withClient(clientFor(values), async (client) => {
    const status = await client.status(orderId);
    if (status === undefined) {
      say(values.json ? JSON.stringify({ orderId, message: 'Order not found' }) : `No order ${orderId}`);
      return 1;
    }
    printStatus(status, values.json);
    return 0;
  });
}
