// Passage embeddings keyed by a hash of model + text, so a rebuild embeds only text it has not seen.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';

export class EmbeddingCache {
  private readonly rows = new Map<string, Float32Array>();

  constructor(
    private readonly dir: string,
    private readonly modelFingerprint: string,
    private readonly dimensions: number,
  ) {}

  key(text: string): string {
    return createHash('sha256').update(this.modelFingerprint).update('\0').update(text).digest('base64url').slice(0, 22);
  }

  get(text: string): Float32Array | undefined {
    return this.rows.get(this.key(text));
  }

  set(text: string, vector: ArrayLike<number>): void {
    this.rows.set(this.key(text), Float32Array.from(vector));
  }

  private paths() {
    const base = join(this.dir, `embeddings-${this.modelFingerprint}`);
    return { keys: `${base}.keys.json`, vectors: `${base}.f32` };
  }

  /** A missing or unreadable cache is an empty one: it only saves time. */
  load(): void {
    const { keys, vectors } = this.paths();
    if (!existsSync(keys) || !existsSync(vectors)) return;
    try {
      const list = JSON.parse(readFileSync(keys, 'utf8')) as string[];
      const buffer = readFileSync(vectors);
      if (buffer.byteLength !== list.length * this.dimensions * 4) return;
      const all = new Float32Array(buffer.buffer, buffer.byteOffset, buffer.byteLength / 4);
      list.forEach((k, i) => this.rows.set(k, all.slice(i * this.dimensions, (i + 1) * this.dimensions)));
    } catch {
      this.rows.clear();
    }
  }

  /** Keeps only the texts still in use, so the cache does not grow without bound. */
  save(keep: Iterable<string>): void {
    const { keys, vectors } = this.paths();
    const kept = new Map<string, Float32Array>();
    for (const text of keep) {
      const k = this.key(text);
      const row = this.rows.get(k);
      if (row) kept.set(k, row);
    }
    const chunks = [...kept.values()];
    const all = new Float32Array(chunks.length * this.dimensions);
    chunks.forEach((row, i) => all.set(row, i * this.dimensions));
    writeFileAtomic(vectors, Buffer.from(all.buffer));
    writeFileAtomic(keys, JSON.stringify([...kept.keys()]));
  }
}
