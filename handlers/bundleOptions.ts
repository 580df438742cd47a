import type { BuildOptions } from 'esbuild';

/**
 * How every handler is bundled for Lambda's nodejs22.x runtime, shared by the Pulumi bundler
 * and the benchmark so that what is measured is what is deployed. The runtime ships AWS SDK v3,
 * so `@aws-sdk/*` stays external: bundles stay near 100 KB instead of about 700 KB.
 */
export const LAMBDA_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  external: ['@aws-sdk/*'],
  logLevel: 'silent',
} as const satisfies BuildOptions;
