import { describe, expect, it } from 'vitest';
import { queryTerms, tokenize, tokenizeWithOffsets } from '../../src/search/tokenize/tokenize.js';
import { normalizeForMatch } from '../../src/text/normalize.js';

describe('matching normalisation', () => {
  it('maps traditional to simplified without changing length', () => {
    expect(normalizeForMatch('邯鄲冀南新區')).toBe('邯郸冀南新区');
    expect(normalizeForMatch('邯鄲').length).toBe(2);
  });

  it('folds full-width forms and Latin case', () => {
    expect(normalizeForMatch('ＤＲＧ改革１２３％')).toBe('drg改革123%');
  });
});

describe('tokenizer', () => {
  it('gives a long word the dictionary words inside it, at their own offsets (jieba search mode)', () => {
    const tokens = tokenizeWithOffsets('主持人：王建国');
    expect(tokens).toEqual(
      expect.arrayContaining([
        { term: '主持人', start: 0, end: 3 },
        { term: '主持', start: 0, end: 2 },
        { term: '王建国', start: 4, end: 7 },
      ]),
    );
    for (const t of tokens) expect('主持人：王建国'.slice(t.start, t.end)).toBe(t.term);
  });

  it('keeps numbers with decimals, percents and ratios whole', () => {
    const terms = tokenize('总投资66.5亿元,增长93.4%,边坡比达1:6');
    expect(terms).toEqual(expect.arrayContaining(['66.5', '亿元', '93.4', '1:6']));
    expect(terms).not.toContain('6');
  });

  it('keeps Latin words and years whole', () => {
    expect(tokenize('DRG改革1992年')).toEqual(expect.arrayContaining(['drg', '1992']));
  });

  it('gives traditional and simplified text the same tokens', () => {
    expect(tokenize('邯鄲市醫療保障')).toEqual(tokenize('邯郸市医疗保障'));
  });

  it('drops question words and stop words from queries', () => {
    const terms = queryTerms('冀南新区人民医院项目总投资多少?');
    expect(terms).toEqual(expect.arrayContaining(['冀南', '医院', '投资']));
    expect(terms).not.toContain('多少');
  });

  it('reports offsets that point at the token in the text', () => {
    const text = '滏阳河全长约25公里';
    for (const t of tokenizeWithOffsets(text)) expect(normalizeForMatch(text.slice(t.start, t.end))).toBe(t.term);
  });
});
