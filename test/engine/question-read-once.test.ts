// An ask reads its question once: whatever stages rank and compose, the question's text goes through
// the tokenizer one time (the follow-up's context once more, as its own text).
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { AnswerEngine } from '../../src/engine/answer-engine.js';
import { openSeedEngine } from '../support/engines.js';

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

let engine: AnswerEngine;
afterAll(() => engine?.close());

/** How many times text holding `words` (with its question mark, so no passage holds it) was tokenized while `run` ran. */
async function tokenizations(words: string, run: () => Promise<unknown>): Promise<number> {
  seen.length = 0;
  await run();
  return seen.filter((text) => text.includes(words)).length;
}

describe('one ask', () => {
  it('tokenizes the question once', async () => {
    engine = await openSeedEngine();
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
