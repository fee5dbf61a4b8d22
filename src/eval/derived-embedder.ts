// Passage vectors derived cheaply but realistically, for building a million distinct passages in
// minutes instead of a day: every sentence of the pool (distinct-corpus.ts) is embedded once by the real
// model, and a passage's vector is the normalized sum of its sentences' vectors plus a little noise
// seeded by its text. Passages that share sentences or subjects are near each other, as real ones are,
// and no two are the same point. Questions are embedded by the real model. The fingerprint is the
// model's, so a server opening the build with the real model serves it as its own.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Embedder } from '../search/embed/embedder.js';
import { normalizeForMatch } from '../text/normalize.js';
import { splitSentences } from '../ingest/split-sentences.js';
import { seeded } from './distinct-corpus.js';

/** The noise's standard deviation per dimension, against unit-length sentence vectors of 512 dimensions. */
const NOISE = 0.01;

/** Embeds the pool with the real model into `file` (a JSON list of [sentence, vector]), unless it already holds exactly this pool. */
export async function writePoolVectors(model: Embedder, sentences: string[], file: string): Promise<void> {
  const keys = sentences.map(normalizeForMatch);
  if (existsSync(file)) {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as [string, number[]][];
    if (cached.length === keys.length && cached.every(([s], i) => s === keys[i])) return;
  }
  const vectors: [string, number[]][] = [];
  for (let i = 0; i < keys.length; i += 8) {
    const batch = keys.slice(i, i + 8);
    (await model.embedPassages(batch)).forEach((v, k) => vectors.push([batch[k], v]));
  }
  writeFileSync(file, JSON.stringify(vectors));
}

export const readPoolVectors = (file: string): Map<string, Float32Array> =>
  new Map((JSON.parse(readFileSync(file, 'utf8')) as [string, number[]][]).map(([s, v]) => [s, Float32Array.from(v)]));

export function derivedEmbedder(model: Embedder, pool: Map<string, Float32Array>): Embedder {
  const vectorOf = (text: string): number[] => {
    const sum = new Float32Array(model.dimensions);
    // The passage's text is its heading, a line break, then sentences of the pool run together: cut
    // again where they were cut, each is found in the pool (a piece that is not is left out).
    const body = text.slice(text.indexOf('\n') + 1);
    for (const span of splitSentences(body)) pool.get(body.slice(span.start, span.end).trim())?.forEach((x, i) => (sum[i] += x));
    const random = seeded(createHash('sha256').update(text).digest().readUInt32LE(0));
    for (let i = 0; i < sum.length; i++) {
      // Box-Muller: a normal sample from two uniform ones.
      sum[i] += NOISE * Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
    }
    const norm = Math.hypot(...sum) || 1;
    return Array.from(sum, (x) => x / norm);
  };
  return {
    fingerprint: model.fingerprint,
    dimensions: model.dimensions,
    embedQueries: (questions) => model.embedQueries(questions),
    embedPassages: async (texts) => texts.map(vectorOf),
  };
}
