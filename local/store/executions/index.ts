export { SqliteExecutionStore } from './sqliteExecutionStore';
export { CorruptRecordError } from './codecs';
