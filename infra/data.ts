/**
 * Data: the DynamoDB tables behind the services' ports, keyed as the handlers' AWS
 * adapters expect (handlers/aws/tables.ts).
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { TABLE_PARTITION_KEYS } from '../handlers/aws/tables';
import { COMPONENT_TYPES } from './componentTypes';
import type { TableKey } from './functionAccess';

const TABLE_KEYS: readonly TableKey[] = ['inventoryTable', 'reservationsTable', 'paymentsTable', 'notificationsTable'];

/** The services' tables: on-demand, point-in-time recovery, encrypted with DynamoDB's default key. */
export class OrderData extends pulumi.ComponentResource {
  public readonly tables: { readonly [K in TableKey]: aws.dynamodb.Table };

  public constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super(COMPONENT_TYPES.data, name, {}, opts);
    const table = (key: TableKey): aws.dynamodb.Table =>
      new aws.dynamodb.Table(
        `${name}-${key.replace(/Table$/, '')}`,
        {
          billingMode: 'PAY_PER_REQUEST',
          hashKey: TABLE_PARTITION_KEYS[key],
          attributes: [{ name: TABLE_PARTITION_KEYS[key], type: 'S' }],
          pointInTimeRecovery: { enabled: true },
        },
        { parent: this },
      );
    this.tables = {
      inventoryTable: table('inventoryTable'),
      reservationsTable: table('reservationsTable'),
      paymentsTable: table('paymentsTable'),
      notificationsTable: table('notificationsTable'),
    };
    this.registerOutputs({
      tableNames: pulumi.all(Object.fromEntries(TABLE_KEYS.map((key) => [key, this.tables[key].name]))),
    });
  }
}
