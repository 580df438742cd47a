/** `history`: an order's execution as a timeline of states (duration, retries, error). */
import { executionTimeline, formatTimeline } from '../client/timeline';
import { say } from './options';
import { orderCommand } from './orderCommand';

export const HISTORY_USAGE = `Usage: order-workflow history ORDER_ID [--json] [--url URL] [--api-key KEY] [--data-dir .data]

Prints the execution's timeline: each state, when it was entered, its duration, task attempts
and retries, and the error of a step that failed. --json prints the timeline's entries.`;

/** Runs `history`; the process exit code (1 when no such order). */
export function historyCommand(args: readonly string[]): Promise<number> {
  return orderCommand('history', HISTORY_USAGE, args, async (status, { orderId, client, json }) => {
    const entries = executionTimeline(await client.history(status.executionArn));
    if (json) {
      say(JSON.stringify({ orderId, status: status.status, error: status.error, cause: status.cause, timeline: entries }));
      return;
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
  });
}
