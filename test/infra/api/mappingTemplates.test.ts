/**
 * The API's mapping templates, rendered on sample requests and Step Functions responses:
 * what reaches StartExecution / DescribeExecution, and what the caller gets back.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { executionArnPrefix } from '../../../infra/iam/grants';
import { ORDER_STATUS_ROUTE, SUBMIT_ORDER_ROUTE, type RouteDefinition } from '../../../infra/api/routes';
import { orderArb } from '../../workflow/orderArbitraries';
import { escapeJavaScript, renderVtl } from '../support/vtl';

/** Any order id the request model accepts (apostrophes and non-ASCII included). */
const executionNameArb = fc
  .string({ minLength: 1, maxLength: 80, unit: 'grapheme' })
  .map((s) => s.replace(/[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/gu, "'"))
  .filter((s) => s.length >= 1 && s.length <= 80);

const STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:order-workflow-test-orders';

const responseTemplate = (route: RouteDefinition, statusCode: string): string => {
  const found = route.integrationResponses.find((response) => response.statusCode === statusCode);
  if (found === undefined) throw new Error(`no ${statusCode} integration response`);
  return found.template;
};

/** Renders a template and parses its output as JSON (what API Gateway sends on). */
const renderJson = (template: string, body: unknown, params: Record<string, string> = {}) => {
  const { output, statusOverride } = renderVtl(template, { body, params });
  const json: unknown = JSON.parse(output);
  return { json, statusOverride };
};

describe('Mapping templates: POST /orders → StartExecution', () => {
  const template = SUBMIT_ORDER_ROUTE.requestTemplate(STATE_MACHINE_ARN);

  it('passes the body, unchanged, as the execution input and the orderId as its name (property)', () => {
    fc.assert(
      fc.property(orderArb, executionNameArb, (order, orderId) => {
        // Prepare: the body as the client sent it, then parsed by API Gateway.
        const body: unknown = JSON.parse(JSON.stringify({ ...order, orderId }));
        // Act
        const { json } = renderJson(template, body);
        // Assess
        expect(json).to.have.keys(['stateMachineArn', 'name', 'input']);
        const request = json as { stateMachineArn: string; name: string; input: string };
        expect(request.stateMachineArn).to.equal(STATE_MACHINE_ARN);
        expect(request.name).to.equal(orderId);
        expect(JSON.parse(request.input)).to.deep.equal(body);
      }),
      { numRuns: 200 },
    );
  });

  it("survives what escapeJavaScript gets wrong for JSON: apostrophes, slashes, non-ASCII", () => {
    // Prepare
    const body = { orderId: 'o-1', customer: { id: 'c', name: "Siobhán O'Brien / 山田", email: 'x@y.z' }, note: 'tab\there "q" \\ 😀' };
    // Act
    const { json } = renderJson(template, body);
    // Assess
    expect(JSON.parse((json as { input: string }).input)).to.deep.equal(body);
  });

  it('returns the execution ARN and start date on success', () => {
    const sfn = { executionArn: `${executionArnPrefix(STATE_MACHINE_ARN)}o-1`, startDate: 1764000000.123 };
    const { json, statusOverride } = renderJson(responseTemplate(SUBMIT_ORDER_ROUTE, '200'), sfn);
    expect(json).to.deep.equal(sfn);
    expect(statusOverride).to.equal(undefined);
  });

  const errorCases: readonly { type: string; status: number; message: string }[] = [
    { type: 'com.amazonaws.swf.service.v2.model#ExecutionAlreadyExists', status: 409, message: 'Order already submitted' },
    { type: 'ExecutionAlreadyExists', status: 409, message: 'Order already submitted' },
    { type: 'InvalidExecutionInput', status: 413, message: 'Order too large' },
    { type: 'ThrottlingException', status: 429, message: 'Too many requests' },
    { type: 'ExecutionLimitExceeded', status: 429, message: 'Too many requests' },
    { type: 'StateMachineDoesNotExist', status: 500, message: 'Internal server error' },
    { type: 'AccessDeniedException', status: 500, message: 'Internal server error' },
  ];
  for (const { type, status, message } of errorCases) {
    it(`answers ${status} for Step Functions' ${type}`, () => {
      const { json, statusOverride } = renderJson(responseTemplate(SUBMIT_ORDER_ROUTE, '400'), {
        __type: type,
        message: "Execution Already Exists: 'arn:aws:states:…:o-1'",
      });
      expect(statusOverride).to.equal(status);
      expect((json as { message: string }).message).to.equal(message);
    });
  }

  it('maps 4xx and 5xx from Step Functions by status, everything else is the success response', () => {
    const patterns = SUBMIT_ORDER_ROUTE.integrationResponses.map((r) => [r.statusCode, r.selectionPattern]);
    expect(patterns).to.deep.equal([
      ['200', undefined],
      ['400', '4\\d{2}'],
      ['503', '5\\d{2}'],
    ]);
    for (const [statusCode] of patterns) expect(SUBMIT_ORDER_ROUTE.methodStatuses).to.include(statusCode);
    for (const { status } of errorCases) expect(SUBMIT_ORDER_ROUTE.methodStatuses).to.include(String(status));
  });
});

describe('Mapping templates: GET /orders/{orderId} → DescribeExecution', () => {
  const template = ORDER_STATUS_ROUTE.requestTemplate(STATE_MACHINE_ARN);

  it("asks for the execution named by the path's orderId, of this state machine (property)", () => {
    fc.assert(
      fc.property(executionNameArb, (orderId) => {
        const { json } = renderJson(template, {}, { orderId });
        expect(json).to.deep.equal({ executionArn: `arn:aws:states:us-east-1:123456789012:execution:order-workflow-test-orders:${orderId}` });
      }),
      { numRuns: 200 },
    );
  });

  it('reports a running order without stop date, output or error', () => {
    const sfn = {
      executionArn: `${executionArnPrefix(STATE_MACHINE_ARN)}o'42-é`,
      name: "o'42-é",
      status: 'RUNNING',
      startDate: 1764000000.5,
      input: '{"orderId":"o-42"}',
    };
    const { json } = renderJson(responseTemplate(ORDER_STATUS_ROUTE, '200'), sfn);
    expect(json).to.deep.equal({ orderId: "o'42-é", status: 'RUNNING', executionArn: sfn.executionArn, startDate: 1764000000.5 });
  });

  it("reports a finished order's output as JSON, and never its input", () => {
    const output = { orderId: 'o-42', results: { payment: { status: 'APPROVED', confirmationId: "c'1" } } };
    const sfn = {
      executionArn: `${executionArnPrefix(STATE_MACHINE_ARN)}o-42`,
      name: 'o-42',
      status: 'SUCCEEDED',
      startDate: 1764000000.5,
      stopDate: 1764000002.25,
      input: '{"secret":"input"}',
      output: JSON.stringify(output),
    };
    const { json } = renderJson(responseTemplate(ORDER_STATUS_ROUTE, '200'), sfn);
    expect(json).to.deep.equal({
      orderId: 'o-42',
      status: 'SUCCEEDED',
      executionArn: sfn.executionArn,
      startDate: 1764000000.5,
      stopDate: 1764000002.25,
      output,
    });
  });

  it('says which step failed and why for a failed order', () => {
    const sfn = {
      executionArn: `${executionArnPrefix(STATE_MACHINE_ARN)}o-7`,
      name: 'o-7',
      status: 'FAILED',
      startDate: 1,
      stopDate: 2,
      error: 'PaymentDeclined',
      cause: 'card_declined "quoted"',
    };
    const { json } = renderJson(responseTemplate(ORDER_STATUS_ROUTE, '200'), sfn);
    expect(json).to.deep.include({ status: 'FAILED', error: 'PaymentDeclined', cause: 'card_declined "quoted"' });
  });

  const errorCases: readonly { type: string; status: number }[] = [
    { type: 'ExecutionDoesNotExist', status: 404 },
    { type: 'InvalidArn', status: 404 },
    { type: 'ThrottlingException', status: 429 },
    { type: 'AccessDeniedException', status: 500 },
  ];
  for (const { type, status } of errorCases) {
    it(`answers ${status} for Step Functions' ${type}`, () => {
      const { statusOverride } = renderJson(responseTemplate(ORDER_STATUS_ROUTE, '400'), { __type: type, message: 'x' });
      expect(statusOverride).to.equal(status);
      expect(ORDER_STATUS_ROUTE.methodStatuses).to.include(String(status));
    });
  }
});

describe('Function: escapeJavaScript (test support)', () => {
  const cases: readonly [string, string][] = [
    ["O'Brien", "O\\'Brien"],
    ['a"b', 'a\\"b'],
    ['a/b', 'a\\/b'],
    ['é', '\\u00E9'],
    ['😀', '\\uD83D\\uDE00'],
    ['\n', '\\n'],
  ];
  for (const [input, expected] of cases) {
    it(`escapes ${JSON.stringify(input)} as Commons Lang does`, () => {
      expect(escapeJavaScript(input)).to.equal(expected);
    });
  }
});
