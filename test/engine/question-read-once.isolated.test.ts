// An ask reads its question once: whatever stages rank and compose, the question's text goes through
// the tokenizer one time (the follow-up's context once more, as its own text). The tokenizer is
// mocked, so this file runs in a module graph of its own (the `isolated` project, vitest.config.ts),
// on a small corpus with vectors derived from the text instead of the model.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AnswerEngine } from '../../src/engine/answer-engine.js';
import type { Embedder } from '../../src/search/embed/embedder.js';

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

const vector = (text: string) => [...createHash('sha256').update(text).digest()].slice(0, 8).map((b) => b / 255);
const hashEmbedder: Embedder = {
  fingerprint: 'hash',
  dimensions: 8,
  embedQueries: async (texts) => texts.map(vector),
  embedPassages: async (texts) => texts.map(vector),
};

async function openEngine(): Promise<AnswerEngine> {
  const corpusDir = join(work, 'corpus');
  mkdirSync(corpusDir);
  writeFileSync(join(corpusDir, 'hospital.md'), '# 冀南新区\n\n总投资4.33亿元的冀南新区人民医院项目即将开工建设。冀南新区第一中学总投资2亿元。\n');
  writeFileSync(join(corpusDir, 'ginger.md'), '# 磁县生姜\n\n磁县推广种植生姜1000余亩。\n');
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
