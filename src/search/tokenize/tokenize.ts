// The one tokenizer of xunyuan, used for the keyword index, for queries, for sentence picking and for
// highlights. jieba segments Chinese; numbers and Latin words are cut out first and kept whole,
// because jieba without HMM splits `66.5` into `6 6 . 5` and `DRG` into `d r g`.
import { cut } from 'nodejs-jieba';
import { HAN_CLASS } from '../../text/char-class.js';
import { normalizeForMatch } from '../../text/normalize.js';
import { dictionaryShortWords, ensureJiebaLoaded } from './jieba-dictionary.js';
import { STOP_WORDS } from './stopwords.js';

export interface Token {
  term: string;
  /** Offsets into the text that was tokenized (normalisation keeps lengths, so into the displayed text too). */
  start: number;
  end: number;
}

/** A statute's article number, in Chinese or Arabic numerals: `第十九条`, `第19条`. */
const ARTICLE_NUMBER = '第[0-9一二三四五六七八九十百千零〇两]+条';

/**
 * An article number (one token, whatever its numerals), a number (`66.5`, `1:6`, `93.4` of `93.4%`)
 * or a Latin word (`drg`, `g107`), or a run of Han characters up to the next article number.
 */
const PIECE = new RegExp(`(${ARTICLE_NUMBER})|([0-9]+(?:[.:][0-9]+)*|[a-z][a-z0-9]*(?:['-][a-z0-9]+)*)|((?:(?!${ARTICLE_NUMBER})[${HAN_CLASS}])+)`, 'g');

const CHINESE_DIGITS = '零一二三四五六七八九';

/** 19 → 十九, 103 → 一百零三, 1260 → 一千二百六十: how statutes write their article numbers. */
function chineseNumeral(n: number): string {
  const digits = String(n);
  let out = '';
  let zero = false;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]);
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += CHINESE_DIGITS[d] + ['', '十', '百', '千'][digits.length - 1 - i];
  }
  return out.startsWith('一十') ? out.slice(1) : out || '零';
}

/** `第19条` and `第十九条` are one term, so a question may write either. */
const articleTerm = (text: string) => text.replace(/[0-9]{1,4}/, (n) => chineseNumeral(Number(n)));

/**
 * A run of Han characters → its words, each long word followed by the dictionary words of two and three
 * characters inside it, as jieba's search mode gives them (`主持人` also gives `主持`): so `谁主持` finds
 * `主持人：王建国`, and `主持人` finds `主持会议`.
 */
function cutHan(run: string, offset: number, out: Token[]): void {
  // HMM off: with it on, unknown names glue to the verb after them (`潘淑是`).
  ensureJiebaLoaded();
  const parts = dictionaryShortWords();
  let at = offset;
  for (const word of cut(run, false)) {
    out.push({ term: word, start: at, end: at + word.length });
    for (let size = 2; size <= 3 && size < word.length; size++) {
      for (let i = 0; i + size <= word.length; i++) {
        const part = word.slice(i, i + size);
        if (parts.has(part)) out.push({ term: part, start: at + i, end: at + i + size });
      }
    }
    at += word.length;
  }
}

/**
 * The term of the token at `start`..`end` of a normalized text: the text itself, but for an article
 * number written in Arabic numerals, which is one term with its Chinese spelling.
 */
export const termAt = (normalized: string, start: number, end: number): string => {
  const text = normalized.slice(start, end);
  return text.startsWith('第') && /[0-9]/.test(text) ? articleTerm(text) : text;
};

/** All tokens of `text` with their offsets, stop words removed. */
export function tokenizeWithOffsets(text: string): Token[] {
  const normalized = normalizeForMatch(text);
  const out: Token[] = [];
  for (const m of normalized.matchAll(PIECE)) {
    if (m[1] !== undefined) out.push({ term: articleTerm(m[1]), start: m.index, end: m.index + m[1].length });
    else if (m[2] !== undefined) out.push({ term: m[2], start: m.index, end: m.index + m[2].length });
    else cutHan(m[3], m.index, out);
  }
  return out.filter((t) => !STOP_WORDS.has(t.term));
}

export function tokenize(text: string): string[] {
  return tokenizeWithOffsets(text).map((t) => t.term);
}

/** Query terms, each once, in the order they appear. */
export function queryTerms(question: string): string[] {
  return [...new Set(tokenize(question))];
}
