// Ranking is prepared while a question's vector is computed only for a question asked alone: with
// others in flight the thread has their answers to compose. `prepareStages` is wrapped to record whom
// it prepares for, so this file runs in a module graph of its own (the `isolated` project), on a small
// corpus with vectors derived from the text and a model that answers when the test lets it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AnswerEngine } from '../../src/engine/answer-engine.js';
import type { Embedder } from '../../src/search/embed/embedder.js';
import { hashVector, writeSmallCorpus } from '../support/small-corpus.js';

const preparedFor = vi.hoisted(() => [] as string[]);

vi.mock('../../src/search/rank/stages.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/search/rank/stages.js')>();
  return { ...real, prepareStages: (...args: Parameters<typeof real.prepareStages>) => (preparedFor.push(args[1].text), real.prepareStages(...args)) };
});

const work = mkdtempSync(join(tmpdir(), 'xunyuan-prepare-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Questions' vectors wait for `release`; passages' come at once (the build). */
let gate = Promise.resolve();
const gatedEmbedder: Embedder = {
  fingerprint: 'hash',
  dimensions: 8,
  embedQueries: async (texts) => (await gate, texts.map(hashVector)),
  embedPassages: async (texts) => texts.map(hashVector),
};

async function openEngine(): Promise<AnswerEngine> {
  const corpusDir = writeSmallCorpus(work);
  return AnswerEngine.open({ corpusDir, indexDir: join(work, 'index'), modelDir: work, embedder: gatedEmbedder, ocr: false, queryCacheSize: 0, queryBatching: false });
}

describe('ranking prepared while the vector is computed', () => {
  it('is prepared for a question asked alone, and for only the first of two asked together', async () => {
    const engine = await openEngine();
    await engine.ask({ question: '磁县推广种植了多少亩生姜?' });
    expect(preparedFor).toEqual(['磁县推广种植了多少亩生姜?']);
    let release: () => void = () => {};
    gate = new Promise((resolve) => (release = resolve));
    const both = Promise.all([engine.ask({ question: '人民医院项目总投资多少?' }), engine.ask({ question: '第一中学总投资多少?' })]);
    release();
    const [hospital, school] = await both;
    expect(preparedFor).toEqual(['磁县推广种植了多少亩生姜?', '人民医院项目总投资多少?']);
    // Both are answered all the same.
    expect(hospital.answer?.text).toContain('4.33亿元');
    expect(school.answer?.text).toContain('2亿元');
    // Once both are done, a lone question is prepared again.
    await engine.ask({ question: '磁县生姜种了多少亩?' });
    expect(preparedFor).toHaveLength(3);
  });
});
