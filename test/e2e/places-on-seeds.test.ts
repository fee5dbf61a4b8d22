// A place the question names, on the seed pages (a Hebei paper's news of 衡水, 邯郸 and 安阳): a
// passage that says only 我市 is where its article says it is, a place inside the one asked is no
// other place, and a city the pages never cover is said to be missing.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/engine/answer-engine.js';
import { openSeedEngine } from '../support/engines.js';

let engine: AnswerEngine;

beforeAll(async () => {
  engine = await openSeedEngine();
});

describe('places on the seed pages', () => {
  it('answers for the city an article is about, and for the province that holds it', async () => {
    for (const question of ['衡水设镇比例提高到了多少?', '河北设镇比例提高到了多少?']) {
      expect((await engine.ask({ question })).answer?.text).toContain('73.7%');
    }
  });

  it('does not answer for another city from a passage whose article is about 衡水, and says which place is missing', async () => {
    const r = await engine.ask({ question: '沧州设镇比例提高到了多少?' });
    expect(r.answer).toBeNull();
    expect(r.message).toBe('文档中没有关于“沧州”的内容');
    expect(r.passages[0].text).toContain('73.7%');
  });

  it('does not answer for a city no page covers, even from a passage that names only counties', async () => {
    const r = await engine.ask({ question: '深圳低保标准是多少' });
    expect(r.answer).toBeNull();
    expect(r.message).toBe('文档中没有关于“深圳”的内容');
  });
});
