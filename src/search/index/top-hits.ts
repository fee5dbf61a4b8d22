// The best `limit` of many scored items, kept as they are offered: a search over every passage keeps
// a short sorted list instead of scoring objects for all of them and sorting those.
export class TopHits<T> {
  private readonly items: T[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly limit: number) {}

  offer(item: T, score: number): void {
    const n = this.scores.length;
    if (this.limit <= 0 || (n === this.limit && score <= this.scores[n - 1])) return;
    // Binary search for the first score below this one: equal scores keep the order they came in.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.scores[mid] >= score) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, item);
    this.scores.splice(lo, 0, score);
    if (n === this.limit) {
      this.items.pop();
      this.scores.pop();
    }
  }

  /** Best first. */
  best(): { item: T; score: number }[] {
    return this.items.map((item, i) => ({ item, score: this.scores[i] }));
  }
}
