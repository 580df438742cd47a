import { taskFunction } from '../../../workflow/dsl';

/** A small data type for DSL tests. */
export interface Payment {
  status: 'APPROVED' | 'DECLINED';
  amount: number;
  captured: boolean;
  at: string;
  note?: string;
}

/** A line of {@link ShopData}. */
export interface Line {
  sku: string;
  qty: number;
}

/** The execution data of the test workflows. */
export interface ShopData {
  orderId: string;
  total: number;
  limit: number;
  createdAt: string;
  payment: Payment;
  lines: Line[];
}

/** Test task functions. */
export const charge = taskFunction<{ orderId: string; amount: number }, Payment>()('charge');
export const reserve = taskFunction<{ orderId: string; lines: Line[] }, { reservationId: string }>()('reserve');
export const pick = taskFunction<Line, { picked: boolean }>()('pick');

/** The test task function names. */
export type ShopFunction = 'charge' | 'reserve' | 'pick';

/** A placeholder resolver: `arn:…:function:<name>`. */
export const arn = (fn: string): string => `arn:aws:lambda:us-east-1:123456789012:function:${fn}`;
