/**
 * Reads CloudWatch Embedded Metric Format lines (what Powertools Metrics writes) into
 * datapoints, as CloudWatch Logs does when it extracts metrics from a log group.
 */

/** One extracted metric value. */
export interface EmfDatapoint {
  readonly namespace: string;
  readonly name: string;
  readonly unit?: string;
  readonly value: number;
  /** The dimensions of the datapoint's dimension set, with their values. */
  readonly dimensions: { readonly [name: string]: string };
  /** Epoch milliseconds. */
  readonly timestamp: number;
}

type Obj = { readonly [key: string]: unknown };
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

/** The datapoints of one log line; none when it is not an EMF line. */
export function readEmfLine(line: string): EmfDatapoint[] {
  if (!line.includes('"_aws"')) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(line);
  } catch {
    return [];
  }
  if (!isObject(doc) || !isObject(doc['_aws'])) return [];
  const timestamp = doc['_aws']['Timestamp'];
  if (typeof timestamp !== 'number') return [];
  const out: EmfDatapoint[] = [];
  for (const directive of list(doc['_aws']['CloudWatchMetrics'])) {
    if (!isObject(directive) || typeof directive['Namespace'] !== 'string') continue;
    const namespace = directive['Namespace'];
    const dimensionSets = list(directive['Dimensions']).map((set) => list(set).filter((d): d is string => typeof d === 'string'));
    for (const metric of list(directive['Metrics'])) {
      if (!isObject(metric) || typeof metric['Name'] !== 'string') continue;
      const name = metric['Name'];
      const raw = doc[name];
      const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
      const unit = typeof metric['Unit'] === 'string' ? metric['Unit'] : undefined;
      // Each dimension set is its own metric; a line without one still counts once.
      for (const set of dimensionSets.length > 0 ? dimensionSets : [[]]) {
        const dimensions: { [name: string]: string } = {};
        for (const d of set) {
          const value = doc[d];
          if (typeof value === 'string') dimensions[d] = value;
        }
        for (const value of values) out.push({ namespace, name, ...(unit !== undefined ? { unit } : {}), value, dimensions, timestamp });
      }
    }
  }
  return out;
}
