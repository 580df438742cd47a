/**
 * The Pulumi program: deploys the order workflow to AWS with the stack's settings.
 * `pulumi stack output apiUrl` gives the URL to POST orders to (with `x-api-key`).
 */
import * as path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { esbuildBundler } from './infra/bundle/handlerBundler';
import { HANDLER_ENTRIES } from './infra/handlerEntries';
import { deployOrderWorkflow } from './infra/orderWorkflow';
import { readStackSettings } from './infra/settings';
import { renderOrderProcessing } from './workflow/orderProcessing';

const workflow = deployOrderWorkflow({
  settings: readStackSettings(),
  namePrefix: `order-workflow-${pulumi.getStack()}`,
  bundler: esbuildBundler({
    projectRoot: __dirname,
    // Overridable so tests (and parallel stacks) build elsewhere.
    outDir: process.env['ORDER_WORKFLOW_BUNDLE_DIR'] ?? path.join(__dirname, 'dist', 'lambda'),
    entries: HANDLER_ENTRIES,
  }),
  renderDefinition: renderOrderProcessing,
});

/** Base URL of the order API: `POST $apiUrl/orders`, `GET $apiUrl/orders/{orderId}`. */
export const apiUrl = workflow.apiUrl;
/** The API key to send as `x-api-key` (secret: `pulumi stack output --show-secrets apiKey`). */
export const apiKey = workflow.apiKey;
export const stateMachineArn = workflow.stateMachineArn;
export const dashboardUrl = workflow.dashboardUrl;
export const alarmTopicArn = workflow.alarmTopicArn;
export const logGroupNames = workflow.logGroupNames;
