/** `status`: an order's execution status, output or error and cause, and timestamps. */
import type { OrderStatus } from '../client/orderClient';
import { say } from './options';
import { orderCommand } from './orderCommand';

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
export function statusCommand(args: readonly string[]): Promise<number> {
  return orderCommand('status', STATUS_USAGE, args, async (status, { json }) => printStatus(status, json));
}
