/** `submit`: posts an order from a file, or a generated one of a kind, and prints the answer. */
import { generatedOrder, isOrderKind, newOrderId, ORDER_KINDS, readOrderFile } from '../client/sampleOrders';
import { clientFor, withClient } from './client';
import { CLIENT_OPTIONS, numberOption, parseOptions, say, UsageError } from './options';
import { printStatus } from './status';

export const SUBMIT_USAGE = `Usage: order-workflow submit [FILE] [--kind success|rejected|declined|out-of-stock] [--new-id] [--wait] [--timeout-ms 30000] [--json] [--url URL] [--api-key KEY] [--data-dir .data]

Posts the order in FILE (e.g. examples/orders/success.json) as it is, or with --new-id under a
fresh orderId; without FILE, a generated order of --kind (default success). --wait follows it to
its terminal status.`;

const OPTIONS = {
  ...CLIENT_OPTIONS,
  kind: { type: 'string', default: 'success' },
  'new-id': { type: 'boolean', default: false },
  wait: { type: 'boolean', default: false },
  'timeout-ms': { type: 'string', default: '30000' },
} as const;

/** Runs `submit`; the process exit code. */
export async function submitCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS);
  if (values.help) {
    say(SUBMIT_USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('submit takes at most one order file');
  if (!isOrderKind(values.kind)) throw new UsageError(`--kind must be one of ${ORDER_KINDS.join(', ')}`);
  const timeoutMs = numberOption(values['timeout-ms'], 'timeout-ms', { min: 0 }) ?? 30_000;
  const file = positionals[0];
  const order = file === undefined ? generatedOrder(values.kind) : readOrderFile(file);
  if (values['new-id']) order.orderId = newOrderId();

  return withClient(clientFor(values), async (client) => {
    const response = await client.postOrder(order);
    if (response.status !== 200) {
      say(values.json ? JSON.stringify({ status: response.status, body: response.body }) : `Refused (HTTP ${response.status}): ${JSON.stringify(response.body)}`);
      return 1;
    }
    if (!values.wait) {
      say(values.json ? JSON.stringify({ orderId: order.orderId, ...(response.body as object) }) : `Accepted order ${order.orderId}\n  execution  ${(response.body as { executionArn?: string }).executionArn ?? '?'}`);
      return 0;
    }
    const status = await client.waitForTerminal(order.orderId, timeoutMs);
    if (status === undefined) throw new Error(`order ${order.orderId} was accepted but is not found`);
    printStatus(status, values.json);
    return 0;
  });
}
