/**
 * InventoryStore on DynamoDB, without transactions (TransactWriteItems is not used, so
 * the same code runs against dynalite in tests).
 *
 * - Stock item per SKU: `{ sku, available, holds }`. `holds` maps orderId to the units the
 *   order took (> 0) or to -1, a tombstone left by a release.
 * - Reservation item per order: `{ orderId, status, reservationId, lines, stockLines, expiresAt }`,
 *   status PENDING → RESERVED → RELEASING → RELEASED, or VOIDED (released before reserved).
 *
 * Reserving claims the order (conditional put), then takes each SKU with one conditional
 * update (`available >= q` and no hold for this order), so no SKU oversells and each SKU
 * is taken at most once per order. If a SKU falls short, the SKUs already taken are given
 * back (compensation) and the claim is deleted. Releasing gives back each held SKU with one
 * conditional update that also leaves the tombstone, so stock is restored exactly once and
 * a late reserve of a released order takes nothing.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ReservationRequestLine, StockLine } from '../../workflow/contracts';
import { InventoryUnavailableError } from '../errors';
import { stockLine } from '../inventory/reservationPlan';
import type { InventoryStore, ReleaseOutcome, ReservationRequest, ReserveOutcome } from '../ports';
import { decodeItem, ReservationItem, StockItem } from './storedItems';
import type { InventoryTables } from './tables';
import { conditionApplied, isConditionFailed, mapTransient } from './transientErrors';

/** The tombstone a release leaves in a SKU's holds. */
const RELEASED_HOLD = -1;

type ReservationStatus = ReservationItem['status'];

/** How many times a conditional write that lost a race is re-read and retried. */
const MAX_RACES = 8;

/** {@link InventoryStore} on two DynamoDB tables. */
export class DynamoInventoryStore implements InventoryStore {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tables: InventoryTables,
  ) {}

  public async setStock(sku: string, available: number): Promise<void> {
    await this.call(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tables.stock,
          Key: { sku },
          UpdateExpression: 'SET available = :a, holds = if_not_exists(holds, :empty)',
          ExpressionAttributeValues: { ':a': available, ':empty': {} },
        }),
      ),
    );
  }

  public async getStock(sku: string): Promise<number | undefined> {
    return (await this.stockItem(sku))?.available;
  }

  public async reserve(request: ReservationRequest): Promise<ReserveOutcome> {
    const claimed = await this.claim(request);
    if (claimed.status !== 'PENDING') return replayReservation(claimed);
    const { orderId } = request;
    const reservationId = claimed.reservationId ?? request.reservationId;
    const expiresAt = claimed.expiresAt ?? request.expiresAt;

    const taken: ReservationRequestLine[] = [];
    const lines: StockLine[] = [];
    let failed: 'short' | 'voided' | undefined;
    for (const line of claimed.lines) {
      if (failed !== undefined) {
        // Report the rest without taking anything.
        const item = await this.stockItem(line.sku);
        lines.push(stockLine(line.sku, line.quantity, item?.available));
        continue;
      }
      const take = await this.take(orderId, line);
      lines.push(take.line);
      if (take.kind === 'taken') taken.push(line);
      else failed = take.kind;
    }

    if (failed !== undefined) {
      for (const line of taken) await this.giveBack(orderId, line, 'remove');
      // Drop the claim, unless it is no longer PENDING (a release has taken it over).
      await this.conditional(() =>
        this.client.send(
          new DeleteCommand({
            TableName: this.tables.reservations,
            Key: { orderId },
            ConditionExpression: '#s = :pending',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':pending': 'PENDING' },
          }),
        ),
      );
      return failed === 'voided' ? { status: 'VOIDED' } : { status: 'OUT_OF_STOCK', lines };
    }

    if (!(await this.setStatus(orderId, 'PENDING', 'RESERVED', lines))) {
      // A duplicate call finished first, or a release overtook us (it gave our stock back).
      const current = await this.reservationItem(orderId);
      return current !== undefined && current.status === 'RESERVED' ? replayReservation(current) : { status: 'VOIDED' };
    }
    return { status: 'RESERVED', reservationId, lines, expiresAt };
  }

  public async release(orderId: string): Promise<ReleaseOutcome> {
    for (let race = 0; race < MAX_RACES; race++) {
      const current = await this.reservationItem(orderId);
      if (current === undefined) {
        const voided = await this.conditionalPut(
          { orderId, status: 'VOIDED', lines: [] } satisfies ReservationItem,
          'attribute_not_exists(orderId)',
        );
        if (voided) return { status: 'NOTHING_RESERVED' };
        continue;
      }
      switch (current.status) {
        case 'VOIDED':
          return { status: 'NOTHING_RESERVED' };
        case 'RELEASED':
          return { status: 'RELEASED', reservationId: current.reservationId ?? '' };
        case 'PENDING':
        case 'RESERVED':
          if (!(await this.setStatus(orderId, current.status, 'RELEASING'))) continue;
          break;
        case 'RELEASING':
          break;
      }
      for (const line of current.lines) await this.giveBack(orderId, line, 'tombstone');
      await this.setStatus(orderId, 'RELEASING', 'RELEASED');
      return { status: 'RELEASED', reservationId: current.reservationId ?? '' };
    }
    throw new InventoryUnavailableError(`release of order ${orderId} kept losing races; retry`);
  }

  /** Creates the PENDING claim, or returns the order's existing reservation item. */
  private async claim(request: ReservationRequest): Promise<ReservationItem> {
    const item: ReservationItem = {
      orderId: request.orderId,
      status: 'PENDING',
      reservationId: request.reservationId,
      lines: [...request.lines],
      expiresAt: request.expiresAt,
    };
    for (let race = 0; race < MAX_RACES; race++) {
      if (await this.conditionalPut(item, 'attribute_not_exists(orderId)')) return item;
      const existing = await this.reservationItem(request.orderId);
      if (existing !== undefined) return existing;
    }
    throw new InventoryUnavailableError(`reservation of order ${request.orderId} kept losing races; retry`);
  }

  /** Takes one SKU's units for the order, once. */
  private async take(
    orderId: string,
    line: ReservationRequestLine,
  ): Promise<{ kind: 'taken' | 'short' | 'voided'; line: StockLine }> {
    try {
      const result = await this.call(() =>
        this.client.send(
          new UpdateCommand({
            TableName: this.tables.stock,
            Key: { sku: line.sku },
            UpdateExpression: 'SET available = available - :q, holds.#o = :q',
            ConditionExpression: 'attribute_exists(sku) AND available >= :q AND attribute_not_exists(holds.#o)',
            ExpressionAttributeNames: { '#o': orderId },
            ExpressionAttributeValues: { ':q': line.quantity },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      const after = decodeItem(StockItem, result.Attributes, this.tables.stock)?.available ?? 0;
      return { kind: 'taken', line: stockLine(line.sku, line.quantity, after + line.quantity) };
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
    const item = await this.stockItem(line.sku);
    const hold = item?.holds?.[orderId];
    if (item !== undefined && hold === line.quantity) {
      // A duplicate call of this order took it already.
      return { kind: 'taken', line: stockLine(line.sku, line.quantity, item.available + line.quantity) };
    }
    if (hold === RELEASED_HOLD) return { kind: 'voided', line: stockLine(line.sku, line.quantity, item?.available) };
    return { kind: 'short', line: stockLine(line.sku, line.quantity, item?.available) };
  }

  /**
   * Gives back the units the order holds on a SKU, once (conditional on the hold). `remove`
   * forgets the hold (a failed reserve); `tombstone` marks it released (a release), and
   * also marks SKUs the order never took, so that a late take fails.
   */
  private async giveBack(orderId: string, line: ReservationRequestLine, mode: 'remove' | 'tombstone'): Promise<void> {
    const gaveBack = await this.conditional(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tables.stock,
          Key: { sku: line.sku },
          UpdateExpression: mode === 'remove' ? 'SET available = available + :q REMOVE holds.#o' : 'SET available = available + :q, holds.#o = :tomb',
          ConditionExpression: 'holds.#o = :q',
          ExpressionAttributeNames: { '#o': orderId },
          ExpressionAttributeValues: mode === 'remove' ? { ':q': line.quantity } : { ':q': line.quantity, ':tomb': RELEASED_HOLD },
        }),
      ),
    );
    if (gaveBack || mode === 'remove') return;
    // Not held: tombstone it, unless already tombstoned (an earlier release) or an unknown SKU.
    await this.conditional(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tables.stock,
          Key: { sku: line.sku },
          UpdateExpression: 'SET holds.#o = :tomb',
          ConditionExpression: 'attribute_exists(sku) AND attribute_not_exists(holds.#o)',
          ExpressionAttributeNames: { '#o': orderId },
          ExpressionAttributeValues: { ':tomb': RELEASED_HOLD },
        }),
      ),
    );
  }

  /** Moves the reservation from status `from` to `to` (storing `stockLines` too, if given); false if it was not at `from`. */
  private setStatus(orderId: string, from: ReservationStatus, to: ReservationStatus, stockLines?: StockLine[]): Promise<boolean> {
    return this.conditional(() =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tables.reservations,
          Key: { orderId },
          UpdateExpression: stockLines === undefined ? 'SET #s = :to' : 'SET #s = :to, stockLines = :lines',
          ConditionExpression: '#s = :from',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: stockLines === undefined ? { ':to': to, ':from': from } : { ':to': to, ':from': from, ':lines': stockLines },
        }),
      ),
    );
  }

  private conditionalPut(item: ReservationItem, condition: string): Promise<boolean> {
    return this.conditional(() => this.client.send(new PutCommand({ TableName: this.tables.reservations, Item: item, ConditionExpression: condition })));
  }

  /** Runs a conditional write: true if it was applied, false if its condition failed. */
  private conditional(write: () => Promise<unknown>): Promise<boolean> {
    return conditionApplied(() => this.call(write));
  }

  private async reservationItem(orderId: string): Promise<ReservationItem | undefined> {
    const result = await this.call(() =>
      this.client.send(new GetCommand({ TableName: this.tables.reservations, Key: { orderId }, ConsistentRead: true })),
    );
    return decodeItem(ReservationItem, result.Item, this.tables.reservations);
  }

  private async stockItem(sku: string): Promise<StockItem | undefined> {
    const result = await this.call(() => this.client.send(new GetCommand({ TableName: this.tables.stock, Key: { sku }, ConsistentRead: true })));
    return decodeItem(StockItem, result.Item, this.tables.stock);
  }

  private call<R>(run: () => Promise<R>): Promise<R> {
    return mapTransient((message, options) => new InventoryUnavailableError(message, options), run);
  }
}

/** What a reserve of an already reserved (or released) order returns. */
function replayReservation(item: ReservationItem): ReserveOutcome {
  // Released before it was ever reserved: nothing was or is held.
  if (item.status === 'VOIDED' || item.stockLines === undefined) return { status: 'VOIDED' };
  return {
    status: 'RESERVED',
    reservationId: item.reservationId ?? '',
    lines: item.stockLines,
    expiresAt: item.expiresAt ?? '',
  };
}
