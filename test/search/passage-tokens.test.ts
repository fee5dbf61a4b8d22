// The query-time token cache: the same tokens as cutting again, one array per text while it is kept.
import { expect, it } from 'vitest';
import { passageTokens } from '../../src/search/tokenize/passage-tokens.js';
import { tokenizeWithOffsets } from '../../src/search/tokenize/tokenize.js';

it('gives the tokens cutting would give, the same array again for the same text, and cuts anew once the text has been pushed out', () => {
  const text = '劳动合同可以约定试用期。试用期最长不得超过六个月。';
  const first = passageTokens(text);
  expect(first).toEqual(tokenizeWithOffsets(text));
  expect(passageTokens(text)).toBe(first);
  for (let i = 0; i < 1100; i++) passageTokens(`第${i}号通知：本周停电检修。`);
  const again = passageTokens(text);
  expect(again).not.toBe(first);
  expect(again).toEqual(first);
});
