// Questions that arrive while the model is busy are embedded together in its next call: one call of
// eight short questions costs far less than eight calls. A lone question goes straight to the model
// (no waiting window), so batching adds nothing to the latency of one user. The vectors of a batch are
// handed out one per turn of the event loop: each question then ranks and composes its answer in a
// turn of its own, and a request that arrives meanwhile (`/healthz`, a cached question) is served
// between two of them instead of after all 32.
import { nextTurn } from '../../util/next-turn.js';

export const MAX_QUERY_BATCH = 32;

interface Waiting {
  text: string;
  resolve: (vector: number[]) => void;
  reject: (err: unknown) => void;
}

export class QueryBatcher {
  private waiting: Waiting[] = [];
  private busy = false;

  constructor(
    private readonly embedMany: (texts: string[]) => Promise<number[][]>,
    private readonly maxBatch = MAX_QUERY_BATCH,
  ) {}

  embed(text: string): Promise<number[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ text, resolve, reject });
      if (!this.busy) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.busy = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      try {
        const vectors = await this.embedMany(batch.map((w) => w.text));
        // The next batch goes to the model (a worker thread for `npm start`) while this one is handed out.
        void handOut(batch, vectors);
      } catch (err) {
        batch.forEach((w) => w.reject(err));
      }
    }
    this.busy = false;
  }
}

async function handOut(batch: Waiting[], vectors: number[][]): Promise<void> {
  for (const [i, w] of batch.entries()) {
    if (i > 0) await nextTurn();
    w.resolve(vectors[i]);
  }
}
