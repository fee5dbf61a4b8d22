// A corpus of any size whose passages are all different, for `npm run bench:scale`: documents made of
// paragraphs that recombine real sentences of CMRC 2018 dev and DRCD dev (a pool of SENTENCE_POOL of
// them, drawn with a fixed seed), so term statistics look like a real encyclopedia's, not like copies
// of 1,233 texts. Every paragraph is short enough to be one passage. The same seed gives the same corpus.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../ingest/split-sentences.js';
import { loadBench } from './cmrc-bench.js';

/** Real sentences the paragraphs are made of: enough that paragraphs rarely share more than one. */
export const SENTENCE_POOL = 6_000;
/** Paragraphs per document, and sentences per paragraph (each paragraph stays under one passage). */
const PARAGRAPHS = [4, 12] as const;
const SENTENCES = [2, 4] as const;
/** Documents per folder, so no folder holds a hundred thousand files. */
const FOLDER_SIZE = 1_000;

/** mulberry32: a small seeded generator, so a size's corpus is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (random: () => number, [low, high]: readonly [number, number]) => low + Math.floor(random() * (high - low + 1));

/** The pool: sentences of 12 to 80 characters from both sets' paragraphs, SENTENCE_POOL of them drawn with the seed, and the titles. */
export function sentencePool(benchDir: string, seed = 1): { sentences: string[]; titles: string[] } {
  const all: string[] = [];
  const titles: string[] = [];
  for (const set of ['cmrc2018-dev', 'drcd-dev'] as const) {
    for (const file of loadBench(benchDir, set).files) {
      const [head, ...body] = file.text.split('\n\n');
      titles.push(head.replace(/^#\s*/, ''));
      const text = body.join('\n');
      for (const span of splitSentences(text)) {
        const sentence = text.slice(span.start, span.end).trim();
        if (sentence.length >= 12 && sentence.length <= 80) all.push(sentence);
      }
    }
  }
  const random = seeded(seed);
  const unique = [...new Set(all)];
  for (let i = unique.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [unique[i], unique[j]] = [unique[j], unique[i]];
  }
  return { sentences: unique.slice(0, SENTENCE_POOL), titles: [...new Set(titles)] };
}

/** Writes documents until they hold `passages` paragraphs; returns how many documents and paragraphs. */
export function writeDistinctCorpus(dir: string, pool: { sentences: string[]; titles: string[] }, passages: number, seed = 7): { documents: number; paragraphs: number } {
  const random = seeded(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  let paragraphs = 0;
  let documents = 0;
  while (paragraphs < passages) {
    const count = Math.min(between(random, PARAGRAPHS), passages - paragraphs);
    const body = Array.from({ length: count }, () => Array.from({ length: between(random, SENTENCES) }, () => pick(pool.sentences)).join(''));
    const folder = join(dir, `d${Math.floor(documents / FOLDER_SIZE)}`);
    if (documents % FOLDER_SIZE === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `doc${documents}.md`), `# ${pick(pool.titles)}（第${documents}篇）\n\n${body.join('\n\n')}\n`);
    paragraphs += count;
    documents++;
  }
  return { documents, paragraphs };
}
