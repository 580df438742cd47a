/**
 * The local mode CLI: `start` runs the system; `submit`, `status`, `history` and `load` talk to
 * it. `npm start -- --port 3000 --data-dir .data`, `npm run submit -- examples/orders/success.json`.
 */
import { historyCommand, HISTORY_USAGE } from './system/commands/history';
import { loadCommand, LOAD_USAGE } from './system/commands/load';
import { UsageError } from './system/commands/options';
import { startCommand, START_USAGE } from './system/commands/start';
import { statusCommand, STATUS_USAGE } from './system/commands/status';
import { submitCommand, SUBMIT_USAGE } from './system/commands/submit';

const USAGE = `Usage: order-workflow <command> [options]   (--help after a command for its options)

Commands:
  start     run local mode until Ctrl-C
  submit    post an order (a file, or a generated one)
  status    an order's status
  history   an order's execution timeline
  load      N orders at a rate or a concurrency, with a summary

${[START_USAGE, SUBMIT_USAGE, STATUS_USAGE, HISTORY_USAGE, LOAD_USAGE].map((u) => u.split('\n')[0]).join('\n')}`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'start':
      await startCommand(args);
      return -1; // keeps running until a signal
    case 'submit':
      return submitCommand(args);
    case 'status':
      return statusCommand(args);
    case 'history':
      return historyCommand(args);
    case 'load':
      return loadCommand(args);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    const usage = error instanceof UsageError;
    process.stderr.write(`${usage ? 'usage error' : 'error'}: ${error instanceof Error ? error.message : String(error)}\n${usage ? "Run 'tsx local/cli.ts --help'.\n" : ''}`);
    process.exit(usage ? 2 : 1);
  },
);
