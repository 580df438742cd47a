import { inspect } from 'node:util';
import { JsonText } from './jsonText';
import { ExecutionFields, ExecutionStatus } from './store/types';
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
export type DescribedRecord = Readonly<Omit<ExecutionFields, 'checkpoint'>>;

/** A constructor that returns the object it is given: a subclass adds its private fields to that object. */
class Given {
  public constructor(target: object) {
    return target;
  }
}

/**
 * The texts of a description, kept in private fields of the description itself (a plain object:
 * its prototype is Object.prototype, as a literal's is). Its `input` and `output` are own,
 * enumerable accessors that make the text when first read (see {@link JsonText}): JSON.stringify,
 * spreads, structuredClone and deep equality (chai's, node:assert's strict one) see plain strings;
 * whoever only reads the status does not pay for the texts. Setting either makes it a data property.
 */
class DescriptionTexts extends Given {
  readonly #input: JsonText;
  readonly #output: JsonText | undefined;

  private constructor(target: object, input: JsonText, output: JsonText | undefined) {
    super(target);
    this.#input = input;
    this.#output = output;
  }

  /** Shared by every description (one accessor pair, so descriptions share V8's hidden classes). */
  static readonly #INPUT: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: DescriptionTexts): string {
      return this.#input.text;
    },
    set(this: DescriptionTexts, value: unknown): void {
      Object.defineProperty(this, 'input', { value, writable: true, enumerable: true, configurable: true });
    },
  };

  static readonly #OUTPUT: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: DescriptionTexts): string | undefined {
      return this.#output?.text;
    },
    set(this: DescriptionTexts, value: unknown): void {
      Object.defineProperty(this, 'output', { value, writable: true, enumerable: true, configurable: true });
    },
  };

  /** Logged as the plain object it stands for (not `[Getter/Setter]`); not enumerable, so no deep equality sees it. */
  static readonly #INSPECT: PropertyDescriptor = {
    enumerable: false,
    configurable: true,
    writable: true,
    value(this: object, depth: number, options: object): string {
      return inspect({ ...this }, { ...options, depth }); // the depth left at this level, as for the description itself
    },
  };

  /** Gives `d` its texts: `input` now (in AWS's order, after the dates), `output` with `outputDetails`. */
  public static attach(d: Record<string, unknown>, input: JsonText, output: JsonText | undefined): void {
    new DescriptionTexts(d, input, output);
    Object.defineProperty(d, inspect.custom, DescriptionTexts.#INSPECT);
    Object.defineProperty(d, 'input', DescriptionTexts.#INPUT);
    d.inputDetails = { included: true };
    if (output !== undefined) {
      Object.defineProperty(d, 'output', DescriptionTexts.#OUTPUT);
      d.outputDetails = { included: true };
    }
  }
}

/**
 * DescribeExecution's answer for a record. `redrivable`: the execution is Standard and has
 * failed, timed out or been aborted.
 */
export function describeRecord(r: DescribedRecord, input: JsonText, output: JsonText | undefined, redrivable: boolean): ExecutionDescription {
  // Fields are set one by one, in AWS's order (and only those present, as AWS omits the others).
  const d: Record<string, unknown> = {
    executionArn: r.executionArn,
    stateMachineArn: r.stateMachineArn,
    name: r.name,
    status: r.status,
    startDate: dateOf(r.startDate),
  };
  if (r.stopDate !== undefined) d.stopDate = dateOf(r.stopDate);
  DescriptionTexts.attach(d, input, output);
  if (r.error !== undefined) d.error = r.error;
  if (r.cause !== undefined) d.cause = r.cause;
  d.redriveCount = r.redriveCount;
  if (r.redriveDate !== undefined) d.redriveDate = new Date(r.redriveDate);
  d.redriveStatus = redrivable ? 'REDRIVABLE' : 'NOT_REDRIVABLE';
  if (!redrivable) d.redriveStatusReason = NOT_REDRIVABLE_REASONS[r.status];
  return d as unknown as ExecutionDescription;
}
