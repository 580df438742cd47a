/** `history`: an order's execution as a timeline of states (duration, retries, error). */
import { executionTimeline, formatTimeline } from '../client/timeline';
import { clientFor, withClient } from './client';
import { CLIENT_OPTIONS, parseOptions, say, UsageError } from './options';

export const HISTORY_USAGE = `Usage: order-workflow history ORDER_ID [--json] [--url URL] [--api-key KEY] [--data-dir .data]

Prints the execution's timeline: each state, when it was entered, its duration, task attempts
and retries, and the error of a step that failed. --json prints the timeline's entries.`;

/** Runs `history`; the process exit code (1 when no such order). */
export async function historyCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, CLIENT_OPTIONS);
  if (values.help) {
    say(HISTORY_USAGE);
    return 0;
  }
  const [orderId, ...rest] = positionals;
  if (orderId === undefined || rest.length > 0) throw new UsageError('history takes one ORDER_ID');
  return withClient(clientFor(values), async (client) => {
    const status = await client.status(orderId);
    if (status === undefined) {
      say(values.json ? JSON.stringify({ orderId, message: 'Order not found' }) : `No order ${orderId}`);
      return 1;
    }
    const entries = executionTimeline(await client.history(status.executionArn));
    if (values.json) {
      say(JSON.stringify({ orderId, status: status.status, error: status.error, cause: status.cause, timeline: entries }));
      return 0;
    }
    const heading = {
      orderId,
      status: status.status,
      startDate: new Date(status.startDate * 1000),
      ...(status.stopDate !== undefined ? { stopDate: new Date(status.stopDate * 1000) } : {}),
      ...(status.error !== undefined ? { error: status.error } : {}),
      ...(status.cause !== undefined ? { cause: status.cause } : {}),
    };
    say(formatTimeline(heading, entries));
    return 0;
  });
}
