import { describe, expect, it } from 'vitest';
import { confidenceOf, isAnswerable, relevanceLevel, shownConfidence } from '../../../src/search/answer/no-answer.js';

describe('the no-answer rule', () => {
  const rule = { vectorShare: 0.7, minConfidence: 0.485, coverageLane: { coverage: 0.65, minConfidence: 0.35 } };

  it('mixes closeness in meaning and shared key words by the rule’s share', () => {
    expect(confidenceOf({ vector: 0.6, coverage: 0.2 }, rule)).toBeCloseTo(0.48, 6);
    expect(confidenceOf({ vector: 0.6, coverage: 0.2 }, { ...rule, vectorShare: 1 })).toBeCloseTo(0.6, 6);
  });

  it('answers a close passage that shares the question’s key words', () => {
    expect(isAnswerable({ vector: 0.62, coverage: 0.88 }, rule)).toBe(true);
  });

  it('refuses a passage that is only loosely close and shares few words', () => {
    expect(isAnswerable({ vector: 0.45, coverage: 0.3 }, rule)).toBe(false);
  });

  it('lets many shared words make up for a lower cosine, but not for a passage far in meaning', () => {
    expect(isAnswerable({ vector: 0.42, coverage: 1 }, rule)).toBe(true);
    expect(isAnswerable({ vector: 0.05, coverage: 1 }, rule)).toBe(false);
  });

  it('answers a passage holding most of the question’s key words below the bar, down to the lane’s floor', () => {
    // DRCD dev: 草繩與簑衣都是用什麼來作的? against its paragraph, cosine 0.35 and coverage 0.64: confidence 0.44, under the bar.
    expect(isAnswerable({ vector: 0.31, coverage: 0.72 }, rule)).toBe(true);
    expect(isAnswerable({ vector: 0.31, coverage: 0.6 }, rule)).toBe(false);
    expect(isAnswerable({ vector: 0.18, coverage: 0.7 }, rule)).toBe(false);
    expect(shownConfidence({ vector: 0.31, coverage: 0.72 }, rule)).toBe(rule.minConfidence);
    expect(relevanceLevel(shownConfidence({ vector: 0.31, coverage: 0.72 }, rule), 1, rule)).toBe('中');
  });
});

describe('relevance levels', () => {
  const rule = { vectorShare: 0.7, minConfidence: 0.485, coverageLane: { coverage: 0.65, minConfidence: 0.35 } };

  it('says 高 past the answer bar when the sentence holds the words asked, 中 at the bar, 低 below it, so a refused passage never looks relevant', () => {
    expect(relevanceLevel(0.72, 1, rule)).toBe('高');
    expect(relevanceLevel(0.72, 0.6, rule)).toBe('中');
    expect(relevanceLevel(0.49, 1, rule)).toBe('中');
    expect(relevanceLevel(0.3, 1, rule)).toBe('低');
    const masthead = confidenceOf({ vector: 0.45, coverage: 0 }, rule);
    expect(relevanceLevel(masthead, 1, rule)).toBe('低');
    expect(isAnswerable({ vector: 0.45, coverage: 0 }, rule)).toBe(false);
  });
});
