/**
 * Least privilege, checked on every policy document the program attaches: no wildcard
 * action anywhere, no wildcard resource that AWS does not require, and each role reaching
 * exactly what it uses.
 */
import { expect } from 'chai';
import { FUNCTION_ACCESS } from '../../infra/functionAccess';
import { executionArnPrefix } from '../../infra/iam/grants';
import { REQUIRED_WILDCARDS, type PolicyStatement } from '../../infra/iam/policyDocument';
import { TASK_FUNCTION_NAMES } from '../../workflow/contracts';
import { loadProgram, named, ofType, str, type LoadedProgram } from './support/loadProgram';

interface AttachedStatement {
  /** Which resource holds the policy. */
  readonly holder: string;
  readonly statement: PolicyStatement;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [String(value)]);

/** Decodes a policy document's statements (as deployed: JSON text). */
const statementsOf = (holder: string, policy: string): AttachedStatement[] => {
  const document: unknown = JSON.parse(policy);
  const statements: unknown = document !== null && typeof document === 'object' ? Reflect.get(document, 'Statement') : undefined;
  if (!Array.isArray(statements)) throw new Error(`${holder}: no Statement list`);
  return statements.map((raw: unknown) => {
    const get = (key: string): unknown => (raw !== null && typeof raw === 'object' ? Reflect.get(raw, key) : undefined);
    return {
      holder,
      statement: {
        Sid: String(get('Sid') ?? ''),
        Effect: 'Allow',
        Action: list(get('Action')),
        Resource: list(get('Resource')),
      },
    };
  });
};

/** The principals of a trust policy's statements. */
const statementsOfTrust = (policy: string): unknown[] => {
  const document: unknown = JSON.parse(policy);
  const statements: unknown = document !== null && typeof document === 'object' ? Reflect.get(document, 'Statement') : undefined;
  return Array.isArray(statements)
    ? statements.map((s: unknown) => (s !== null && typeof s === 'object' ? Reflect.get(s, 'Principal') : undefined))
    : [];
};

describe('IAM: least privilege', function () {
  this.timeout(180_000);
  let program: LoadedProgram;
  let attached: AttachedStatement[];
  let stackArns: string[];

  /** The statements of the inline policy of the role named `roleName` (logical name). */
  const policyOfRole = (roleName: string): PolicyStatement[] =>
    attached.filter((a) => a.holder === `aws:iam/rolePolicy:RolePolicy ${roleName}`).map((a) => a.statement);

  before(async () => {
    program = await loadProgram();
    attached = [
      ...ofType(program, 'aws:iam/rolePolicy:RolePolicy').flatMap((p) => statementsOf(`${p.type} ${p.name}`, str(p, 'policy'))),
      ...ofType(program, 'aws:iam/policy:Policy').flatMap((p) => statementsOf(`${p.type} ${p.name}`, str(p, 'policy'))),
    ];
    stackArns = program.resources.map((r) => r.state['arn']).filter((arn): arn is string => typeof arn === 'string');
  });

  it('attaches inline policies only: no managed policy, whose wildcards the test could not see', () => {
    expect(ofType(program, 'aws:iam/rolePolicyAttachment:RolePolicyAttachment')).to.have.length(0);
    expect(ofType(program, 'aws:iam/policyAttachment:PolicyAttachment')).to.have.length(0);
    for (const role of ofType(program, 'aws:iam/role:Role')) expect(role.inputs['managedPolicyArns'], role.name).to.equal(undefined);
    expect(attached.length).to.be.greaterThan(20);
  });

  it('grants no wildcard action', () => {
    for (const { holder, statement } of attached) {
      for (const action of statement.Action) expect(action, `${holder} ${statement.Sid}`).not.to.include('*');
    }
  });

  it('grants wildcard resources only where AWS requires them, or under one resource of this stack', () => {
    const stateMachineArn = str(named(program, 'aws:sfn/stateMachine:StateMachine', 'order-processing'), 'arn');
    const allowedPrefixes = [...stackArns, executionArnPrefix(stateMachineArn)];
    for (const { holder, statement } of attached) {
      for (const resource of statement.Resource) {
        if (!resource.includes('*')) continue;
        const where = `${holder} ${statement.Sid}: ${resource}`;
        if (statement.Sid in REQUIRED_WILDCARDS) continue;
        // Only a trailing wildcard, under a resource of this stack (its streams, its executions).
        expect(resource.indexOf('*'), where).to.equal(resource.length - 1);
        const prefix = resource.slice(0, -1);
        expect(allowedPrefixes.some((arn) => prefix.startsWith(arn)), where).to.equal(true);
      }
    }
  });

  it('keeps the documented wildcard statements to their own services', () => {
    const services: Record<string, string> = { TracesToXRay: 'xray:', LogDelivery: 'logs:', ApiGatewayAccountLogs: 'logs:' };
    const documented = attached.filter((a) => a.statement.Sid in REQUIRED_WILDCARDS);
    expect(documented.map((a) => a.statement.Sid)).to.include.members(Object.keys(REQUIRED_WILDCARDS));
    for (const { holder, statement } of documented) {
      for (const action of statement.Action) expect(action, holder).to.match(new RegExp(`^${services[statement.Sid] ?? 'none'}`));
    }
  });

  it('lets the state machine invoke exactly its six functions', () => {
    const functionArns = ofType(program, 'aws:lambda/function:Function').map((f) => str(f, 'arn'));
    const invoke = policyOfRole('order-processing').filter((s) => s.Action.includes('lambda:InvokeFunction'));
    expect(invoke).to.have.length(1);
    expect(invoke[0]?.Action).to.deep.equal(['lambda:InvokeFunction']);
    expect(invoke[0]?.Resource).to.have.members(functionArns);
    expect(functionArns).to.have.length(6);
  });

  it('lets the API start and describe executions of exactly this state machine', () => {
    const stateMachineArn = str(named(program, 'aws:sfn/stateMachine:StateMachine', 'order-processing'), 'arn');
    const statements = policyOfRole('order-api-states');
    expect(statements.map((s) => [s.Action, s.Resource])).to.deep.equal([
      [['states:StartExecution'], [stateMachineArn]],
      [['states:DescribeExecution'], [`${executionArnPrefix(stateMachineArn)}*`]],
    ]);
  });

  for (const fn of TASK_FUNCTION_NAMES) {
    it(`lets ${fn} reach exactly its own log group, tables and topic`, () => {
      // Prepare
      const access = FUNCTION_ACCESS[fn];
      const logGroupArn = str(named(program, 'aws:cloudwatch/logGroup:LogGroup', `task-functions-${fn}`), 'arn');
      const tableArn = (key: string): string =>
        str(named(program, 'aws:dynamodb/table:Table', `order-data-${key.replace(/Table$/, '')}`), 'arn');
      const topicArn = str(named(program, 'aws:sns/topic:Topic', 'order-messaging-customer-notifications'), 'arn');
      // Act
      const statements = policyOfRole(`task-functions-${fn}`).filter((s) => !(s.Sid in REQUIRED_WILDCARDS));
      // Assess
      const reached = statements.flatMap((s) => s.Resource.map((resource) => `${s.Action.join(',')} ${resource}`));
      const expected = [
        `logs:CreateLogStream,logs:PutLogEvents ${logGroupArn}`,
        `logs:CreateLogStream,logs:PutLogEvents ${logGroupArn}:*`,
        ...access.tables.map((t) => `${t.actions.join(',')} ${tableArn(t.table)}`),
        ...access.topics.map(() => `sns:Publish ${topicArn}`),
      ];
      expect(reached).to.have.members(expected);
    });
  }

  it('lets only each service assume its role', () => {
    const principals = ofType(program, 'aws:iam/role:Role').map((role) => {
      const [only] = statementsOfTrust(str(role, 'assumeRolePolicy'));
      return JSON.stringify(only);
    });
    expect(new Set(principals)).to.deep.equal(
      new Set(['{"Service":"lambda.amazonaws.com"}', '{"Service":"states.amazonaws.com"}', '{"Service":"apigateway.amazonaws.com"}']),
    );
  });
});
