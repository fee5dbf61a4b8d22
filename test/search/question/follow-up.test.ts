import { describe, expect, it } from 'vitest';
import { contextAfter } from '../../../src/search/question/follow-up.js';
import { readQuestion } from '../../../src/search/question/question.js';

const CONTEXT = '冀南新区人民医院投资多少?';
const isFollowUp = (question: string) => readQuestion(question, CONTEXT).followUpOf !== undefined;

describe('follow-up questions', () => {
  it('recognises a question that continues the previous one', () => {
    expect(isFollowUp('那第一中学呢?')).toBe(true);
    expect(isFollowUp('还有别的项目吗')).toBe(true);
    expect(isFollowUp('医院呢')).toBe(true);
    expect(isFollowUp('冀南新区人民医院项目总投资多少?')).toBe(false);
  });

  it('searches a follow-up together with its context and keeps its own words as the focus', () => {
    const read = readQuestion('那第一中学呢?', CONTEXT);
    expect(read.query).toBe('第一中学呢? 冀南新区人民医院投资多少?');
    expect(read.focus?.text).toBe('第一中学呢?');
    expect(read.followUpOf).toBe(CONTEXT);
    // The context's tokens point into the query, after the follow-up's own words.
    for (const t of read.tokens) expect(read.query.slice(t.start, t.end).toLowerCase()).toBe(t.term);
    expect(read.terms).toContain('医院');
  });

  it('reads a question that stands alone, or has no context, as it is', () => {
    const alone = readQuestion('磁县推广种植了多少亩生姜?', CONTEXT);
    expect(alone.query).toBe('磁县推广种植了多少亩生姜?');
    expect(alone.followUpOf).toBeUndefined();
    expect(readQuestion('那第一中学呢?').query).toBe('那第一中学呢?');
    expect(readQuestion('那第一中学呢?').focus).toBeUndefined();
  });

  it('keeps the context across turns', () => {
    expect(contextAfter('第一实验小学呢?', CONTEXT)).toBe(CONTEXT);
    expect(contextAfter('磁县推广种植了多少亩生姜?', undefined)).toBe('磁县推广种植了多少亩生姜?');
  });

  it('a follow-up naming another place or year replaces the earlier one instead of adding to it', () => {
    const place = readQuestion('广东呢?', '北京市2026年GDP增长目标是多少?');
    expect(place.query).toBe('广东呢? 2026年GDP增长目标是多少?');
    expect(place.named.places).toEqual(['广东']);
    expect(place.followUpOf).toBe('北京市2026年GDP增长目标是多少?');
    for (const t of place.tokens) expect(place.query.slice(t.start, t.end).toLowerCase()).toBe(t.term);
    const year = readQuestion('那2025年呢?', '北京市2026年GDP增长目标是多少?');
    expect(year.query).toBe('2025年呢? 北京市GDP增长目标是多少?');
    expect(year.named.years).toEqual(['2025']);
    expect(year.named.places).toEqual(['北京']);
    expect(readQuestion('那第一中学呢?', CONTEXT).query).toBe(`第一中学呢? ${CONTEXT}`);
  });
});
