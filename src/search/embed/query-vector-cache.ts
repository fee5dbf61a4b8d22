// Repeated questions skip the model: query vectors are kept in a bounded least-recently-used map
// (a Map keeps insertion order; a hit is moved to the end, the oldest entry is dropped when full).
// 1,000 entries of 512 floats are about 4 MB.
export const DEFAULT_QUERY_CACHE_SIZE = 1000;

export class QueryVectorCache {
  private readonly entries = new Map<string, number[]>();

  constructor(private readonly capacity = DEFAULT_QUERY_CACHE_SIZE) {}

  get size(): number {
    return this.entries.size;
  }

  async get(query: string, embed: (q: string) => Promise<number[]>): Promise<number[]> {
    const hit = this.entries.get(query);
    if (hit) {
      this.entries.delete(query);
      this.entries.set(query, hit);
      return hit;
    }
    const vector = await embed(query);
    if (this.capacity > 0) {
      this.entries.set(query, vector);
      if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    }
    return vector;
  }
}
