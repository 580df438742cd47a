/**
 * DynamoDB's API for tests: an in-process dynalite server on 127.0.0.1 (a random port),
 * and a document client pointed at it with dummy credentials.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';

/** A running dynalite and a client for it. */
export interface LocalDynamo {
  readonly client: DynamoDBDocumentClient;
  readonly endpoint: string;
  /** Creates a table with a string partition key, named uniquely. */
  createTable(prefix: string, partitionKey: string): Promise<string>;
  stop(): Promise<void>;
}

let tableCounter = 0;

/** Starts dynalite (in memory) and returns a client for it. */
export async function startLocalDynamo(): Promise<LocalDynamo> {
  const server: Server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const raw = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  return {
    client,
    endpoint,
    async createTable(prefix, partitionKey) {
      const name = `${prefix}-${++tableCounter}`;
      await raw.send(
        new CreateTableCommand({
          TableName: name,
          AttributeDefinitions: [{ AttributeName: partitionKey, AttributeType: 'S' }],
          KeySchema: [{ AttributeName: partitionKey, KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      // dynalite, like DynamoDB, answers ResourceNotFound until the table is ACTIVE.
      for (let i = 0; i < 100; i++) {
        const { Table } = await raw.send(new DescribeTableCommand({ TableName: name }));
        if (Table?.TableStatus === 'ACTIVE') return name;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`table ${name} did not become ACTIVE`);
    },
    async stop() {
      raw.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
