import { describe, expect, it } from 'vitest';
import { isAnswerable } from '../../../src/search/answer/no-answer.js';

describe('the no-answer rule', () => {
  const t = { minVector: 0.48, strongVector: 0.55, minCoverage: 0.5 };

  it('answers a close passage whatever its words', () => {
    expect(isAnswerable({ vector: 0.6, coverage: 0 }, t)).toBe(true);
  });

  it('answers a fairly close passage only when it shares the key words', () => {
    expect(isAnswerable({ vector: 0.5, coverage: 0.7 }, t)).toBe(true);
    expect(isAnswerable({ vector: 0.5, coverage: 0.3 }, t)).toBe(false);
  });

  it('never answers from a passage far in meaning, even one holding every word', () => {
    expect(isAnswerable({ vector: 0.4, coverage: 1 }, t)).toBe(false);
  });
});
