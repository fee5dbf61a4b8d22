// Texts sent to the model as they are found, a few calls in flight, each vector handed on as it comes
// in. A build sends its passages while it is still reading the files: with the model in a worker thread
// (`npm start`, `npm run index`) the reading, parsing and cutting then run on the other core while the
// model embeds what was found before. With the model on the caller's own thread the calls run in the
// caller's turns of the event loop, and take as long as they would one after the other.
import type { Embedder } from './embedder.js';

/**
 * Model calls in flight at once: the worker starts the next as soon as one is done, while the build's
 * thread may hold the event loop for a turn (20 ms, `turnTaker`) before it sees a reply. One passage
 * takes the model about 25 ms here, so four calls keep it busy through a turn.
 */
const IN_FLIGHT = 4;

/**
 * Texts per model call. One at a time is the fastest here (`npm run bench:batch`:
 * 300 CMRC passages, two rounds in turn, 30.8 and 30.9 passages/s one at a time against 4.2 and 11.1
 * in eights and 13.0 and 9.5 in fours; BENCHMARKS.md "Embedding batch"; again in "Eighth session",
 * with the memory arena on and off and one thread). A batch pads every text to its longest.
 */
export const EMBED_BATCH = 1;


export class EmbeddingQueue {
  private readonly wanted = new Set<string>();
  private readonly waiting: string[] = [];
  /** The first of `waiting` not yet sent. */
  private next = 0;
  private inFlight = 0;
  private failure: { error: unknown } | undefined;
  /** Called once nothing is waiting or in flight, or a call failed. */
  private settled: (() => void) | undefined;

  /** `deliver` is called with each text's vector as it comes in; it may be replaced meanwhile. */
  constructor(
    private readonly embedder: Embedder,
    public deliver: (text: string, vector: number[]) => void,
  ) {}

  /** Distinct texts sent so far. */
  get size(): number {
    return this.wanted.size;
  }

  /** Sends `text` to the model unless it was sent before. */
  want(text: string): void {
    if (this.wanted.has(text)) return;
    this.wanted.add(text);
    this.waiting.push(text);
    this.send();
  }

  /** Resolves once every text wanted is delivered; rejects with the first failed call's error. */
  async finished(): Promise<void> {
    while (!this.failure && (this.inFlight > 0 || this.next < this.waiting.length)) await new Promise<void>((resolve) => (this.settled = resolve));
    if (this.failure) throw this.failure.error;
  }

  /** Sends nothing more: the caller gave up (its build failed); calls in flight are let finish. */
  stop(): void {
    this.failure ??= { error: new Error('the embedding queue was stopped') };
  }

  private send(): void {
    while (!this.failure && this.inFlight < IN_FLIGHT && this.next < this.waiting.length) {
      const texts = this.waiting.slice(this.next, this.next + EMBED_BATCH);
      // Sent texts are let go: at a million passages the list holds a million strings otherwise.
      this.waiting.fill('', this.next, (this.next += texts.length));
      this.inFlight++;
      this.embedder.embedPassages(texts).then(
        (vectors) => {
          this.inFlight--;
          try {
            texts.forEach((text, k) => this.deliver(text, vectors[k]));
          } catch (error) {
            this.failure ??= { error };
          }
          this.send();
          this.wake();
        },
        (error: unknown) => {
          this.inFlight--;
          this.failure ??= { error };
          this.wake();
        },
      );
    }
  }

  private wake(): void {
    const settled = this.settled;
    this.settled = undefined;
    settled?.();
  }
}
