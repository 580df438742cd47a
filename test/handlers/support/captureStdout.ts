/**
 * Captures what a call writes to stdout and stderr (Powertools' JSON logs and EMF metrics), so tests
 * can assert on it and the test output stays readable.
 */

/** What a captured call did. */
export interface Captured<R> {
  readonly result?: R;
  readonly error?: unknown;
  /** Every line written, in order. */
  readonly lines: string[];
  /** The lines that are JSON objects, parsed. */
  readonly records: Array<Record<string, unknown>>;
}

/** Runs `run` with stdout and stderr captured; never throws (the error is returned). */
export async function captureStdout<R>(run: () => Promise<R>): Promise<Captured<R>> {
  const chunks: string[] = [];
  const originalOut = process.stdout.write;
  const originalErr = process.stderr.write;
  const record = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = record;
  process.stderr.write = record;
  let result: R | undefined;
  let error: unknown;
  try {
    result = await run();
  } catch (caught) {
    error = caught;
  } finally {
    process.stdout.write = originalOut;
    process.stderr.write = originalErr;
  }
  const lines = chunks
    .join('')
    .split('\n')
    .filter(line => line.trim() !== '');
  const records = lines.flatMap(line => {
    try {
      const parsed: unknown = JSON.parse(line);
      return typeof parsed === 'object' && parsed !== null ? [parsed as Record<string, unknown>] : [];
    } catch {
      return [];
    }
  });
  return { ...(error === undefined ? { result } : { error }), lines, records };
}

/** The EMF metric names and their dimension values found in captured records. */
export function emfMetrics(
  records: ReadonlyArray<Record<string, unknown>>,
): Array<{ name: string; namespace: string; dimensions: Record<string, unknown> }> {
  const found: Array<{ name: string; namespace: string; dimensions: Record<string, unknown> }> = [];
  for (const record of records) {
    const aws = record._aws as
      | { CloudWatchMetrics?: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string }> }> }
      | undefined;
    for (const directive of aws?.CloudWatchMetrics ?? []) {
      const dimensions: Record<string, unknown> = {};
      for (const name of directive.Dimensions.flat()) dimensions[name] = record[name];
      for (const metric of directive.Metrics) found.push({ name: metric.Name, namespace: directive.Namespace, dimensions });
    }
  }
  return found;
}
