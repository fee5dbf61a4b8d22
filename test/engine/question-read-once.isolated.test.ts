// An ask reads its question once: whatever stages rank and compose, the question's text goes through
// the tokenizer one time (the follow-up's context once more, as its own text). The tokenizer is
// mocked, so this file runs in a module graph of its own (the `isolated` project, vitest.config.ts),
// on a small corpus with vectors derived from the text instead of the model.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AnswerEngine } from '../../src/engine/answer-engine.js';
import type { Embedder } from '../../src/search/embed/embedder.js';
import { hashVector, writeSmallCorpus } from '../support/small-corpus.js';

const seen = vi.hoisted(() => [] as string[]);

vi.mock('../../src/search/tokenize/tokenize.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/search/tokenize/tokenize.js')>();
  return {
    ...real,
    tokenize: (text: string) => (seen.push(text), real.tokenize(text)),
    tokenizeWithOffsets: (text: string) => (seen.push(text), real.tokenizeWithOffsets(text)),
    queryTerms: (text: string) => (seen.push(text), real.queryTerms(text)),
  };
});

const work = mkdtempSync(join(tmpdir(), 'xunyuan-read-once-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const hashEmbedder: Embedder = {
  fingerprint: 'hash',
  dimensions: 8,
  embedQueries: async (texts) => texts.map(hashVector),
  embedPassages: async (texts) => texts.map(hashVector),
};

async function openEngine(): Promise<AnswerEngine> {
  const corpusDir = writeSmallCorpus(work);
  return AnswerEngine.open({ corpusDir, indexDir: join(work, 'index'), modelDir: work, embedder: hashEmbedder, ocr: false });
}

let engine: AnswerEngine;

/** How many times text holding `words` (with its question mark, so no passage holds it) was tokenized while `run` ran. */
async function tokenizations(words: string, run: () => Promise<unknown>): Promise<number> {
  seen.length = 0;
  await run();
  return seen.filter((text) => text.includes(words)).length;
}

describe('one ask', () => {
  it('tokenizes the question once', async () => {
    engine = await openEngine();
    const question = '冀南新区人民医院项目总投资多少?';
    // The first ask loads what a later one reuses (the dictionary); count a second one's work.
    await engine.ask({ question: '磁县推广种植了多少亩生姜?' });
    expect(await tokenizations(question, () => engine.ask({ question }))).toBe(1);
  });

  it('tokenizes a follow-up once and its context once', async () => {
    const count = (words: string) => tokenizations(words, () => engine.ask({ question: '那第一中学呢?', context: '冀南新区人民医院项目总投资多少?' }));
    expect(await count('第一中学呢?')).toBe(1);
    expect(await count('人民医院项目总投资多少?')).toBe(1);
  });
});
