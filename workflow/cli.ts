/**
 * `npm run asl`: prints the order-processing ASL definition (task resources as placeholder
 * Lambda ARNs) as JSON; `npm run asl -- --mermaid` prints its graph as a Mermaid flowchart.
 */
import { orderProcessing, placeholderLambdaArn, renderOrderProcessing } from './orderProcessing';

/** What the CLI prints for `args`. */
export function aslCli(args: readonly string[]): string {
  if (args.includes('--mermaid')) return orderProcessing.toMermaid();
  return JSON.stringify(renderOrderProcessing(placeholderLambdaArn), null, 2) + '\n';
}

if (require.main === module) {
  process.stdout.write(aslCli(process.argv.slice(2)));
}
