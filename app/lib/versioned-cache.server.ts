/**
 * Answers kept in memory per key, each under the version of the data it was
 * computed from. A read names the version it needs: the same version is a
 * hit, any other a miss that computes the answer again and replaces the old
 * one. Nothing expires by time and nothing needs to be told about changes:
 * the caller reads the current version (cheaply, e.g. in a query it runs
 * anyway) and stale answers are simply never asked for again.
 *
 * Bounded: past `capacity` keys the least recently used goes. Concurrent
 * misses for the same key and version share one computation; a computation
 * that fails is forgotten, so the next read tries again. Answers are shared
 * between requests: callers must not mutate them.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, { version: string; value: Promise<V> }>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, version: string, compute: () => Promise<V>): Promise<V> {
    if (this.capacity <= 0) return compute();
    const found = this.entries.get(key);
    if (found && found.version === version) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.value;
    }
    const entry = { version, value: compute() };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }
}
