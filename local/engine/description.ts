import { inspect } from 'node:util';
import { JsonText } from './jsonText';
import { ExecutionRecord, ExecutionStatus } from './store/types';
import * as timestampsModule from './timestamps';

// Bound once at load: under tsx (esbuild) every use of a named import is a call to a getter.
const { dateOf } = timestampsModule;

/** DescribeExecution's answer. Input and output are JSON text. */
export interface ExecutionDescription {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  input: string;
  inputDetails: { included: boolean };
  output?: string;
  outputDetails?: { included: boolean };
  error?: string;
  cause?: string;
  redriveCount: number;
  redriveDate?: Date;
  redriveStatus: 'REDRIVABLE' | 'NOT_REDRIVABLE';
  redriveStatusReason?: string;
}

/** DescribeExecution's redriveStatusReason of an execution that cannot be redriven, by status (made once). */
const NOT_REDRIVABLE_REASONS: Record<ExecutionStatus, string> = {
  RUNNING: 'Execution is RUNNING and cannot be redriven',
  SUCCEEDED: 'Execution is SUCCEEDED and cannot be redriven',
  FAILED: 'Execution is FAILED and cannot be redriven',
  TIMED_OUT: 'Execution is TIMED_OUT and cannot be redriven',
  ABORTED: 'Execution is ABORTED and cannot be redriven',
  PENDING_REDRIVE: 'Execution is PENDING_REDRIVE and cannot be redriven',
};

/** What a description is made from: the record's fields, and its input and output as JsonText. */
export type DescribedRecord = Readonly<Omit<ExecutionRecord, 'input' | 'output' | 'checkpoint'>>;

/**
 * A description whose `input` and `output` are own, enumerable properties that make their text
 * when first read (see {@link JsonText}): JSON.stringify, spreads, structuredClone and deep
 * equality see plain strings; whoever only reads the status does not pay for the texts. Setting
 * either makes it a plain data property.
 */
class Description {
  readonly #input: JsonText;
  readonly #output: JsonText | undefined;

  /** Shared by every description (one accessor pair, so descriptions share V8's hidden classes). */
  static readonly #INPUT: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: Description): string {
      return this.#input.text;
    },
    set(this: Description, value: unknown): void {
      Object.defineProperty(this, 'input', { value, writable: true, enumerable: true, configurable: true });
    },
  };

  static readonly #OUTPUT: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: Description): string {
      return this.#output!.text;
    },
    set(this: Description, value: unknown): void {
      Object.defineProperty(this, 'output', { value, writable: true, enumerable: true, configurable: true });
    },
  };

  // Fields are set one by one, in AWS's order (and only those present, as AWS omits the others).
  public constructor(r: DescribedRecord, input: JsonText, output: JsonText | undefined, redrivable: boolean) {
    this.#input = input;
    this.#output = output;
    const d = this as unknown as Record<string, unknown>;
    d.executionArn = r.executionArn;
    d.stateMachineArn = r.stateMachineArn;
    d.name = r.name;
    d.status = r.status;
    d.startDate = dateOf(r.startDate);
    if (r.stopDate !== undefined) d.stopDate = dateOf(r.stopDate);
    Object.defineProperty(this, 'input', Description.#INPUT);
    d.inputDetails = { included: true };
    if (output !== undefined) {
      Object.defineProperty(this, 'output', Description.#OUTPUT);
      d.outputDetails = { included: true };
    }
    if (r.error !== undefined) d.error = r.error;
    if (r.cause !== undefined) d.cause = r.cause;
    d.redriveCount = r.redriveCount;
    if (r.redriveDate !== undefined) d.redriveDate = new Date(r.redriveDate);
    d.redriveStatus = redrivable ? 'REDRIVABLE' : 'NOT_REDRIVABLE';
    if (!redrivable) d.redriveStatusReason = NOT_REDRIVABLE_REASONS[r.status];
  }

  /** Logged as the plain object it stands for (not `[Getter/Setter]`). */
  public [inspect.custom](_depth: number, options: object): string {
    return inspect({ ...this }, options);
  }
}

/**
 * DescribeExecution's answer for a record. `redrivable`: the execution is Standard and has
 * failed, timed out or been aborted.
 */
export function describeRecord(r: DescribedRecord, input: JsonText, output: JsonText | undefined, redrivable: boolean): ExecutionDescription {
  return new Description(r, input, output, redrivable) as unknown as ExecutionDescription;
}
