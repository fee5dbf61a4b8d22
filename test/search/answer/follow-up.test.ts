import { describe, expect, it } from 'vitest';
import { contextAfter, isFollowUp, readQuestion } from '../../../src/search/answer/follow-up.js';

describe('reading a follow-up', () => {
  it('recognises a question that says it continues, or is too short to stand alone', () => {
    expect(isFollowUp('那第一中学呢?')).toBe(true);
    expect(isFollowUp('还有别的项目吗')).toBe(true);
    expect(isFollowUp('医院呢')).toBe(true);
    expect(isFollowUp('冀南新区人民医院项目总投资多少?')).toBe(false);
  });

  it('searches a follow-up together with its context and keeps its own words as the focus', () => {
    const read = readQuestion('那第一中学呢?', '冀南新区人民医院投资多少?');
    expect(read).toEqual({ query: '第一中学呢? 冀南新区人民医院投资多少?', focus: '第一中学呢?', followUpOf: '冀南新区人民医院投资多少?' });
  });

  it('reads a question that stands alone, or has no context, as it is', () => {
    expect(readQuestion('磁县推广种植了多少亩生姜?', '冀南新区人民医院投资多少?')).toEqual({ query: '磁县推广种植了多少亩生姜?' });
    expect(readQuestion('那第一中学呢?')).toEqual({ query: '那第一中学呢?' });
  });

  it('keeps the opening question as the context of a chain of follow-ups', () => {
    expect(contextAfter('第一实验小学呢?', '冀南新区人民医院投资多少?')).toBe('冀南新区人民医院投资多少?');
    expect(contextAfter('磁县推广种植了多少亩生姜?', undefined)).toBe('磁县推广种植了多少亩生姜?');
  });
});
