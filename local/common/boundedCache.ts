/**
 * Memoises a pure function of a key (a parsed path, a compiled pattern, a resource's shape):
 * definitions repeat the same few texts, but user input can make any number of them, so the
 * cache starts over once it holds `limit` entries.
 */
export function cachedBy<K, V>(compute: (key: K) => V, limit: number): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = compute(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, value);
    }
    return value as V;
  };
}
