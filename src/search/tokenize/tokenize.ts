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

/** Numbers (`66.5`, `1:6`, `93.4` of `93.4%`) and Latin words (`drg`, `g107`), or a run of Han characters. */
const PIECE = new RegExp(`([0-9]+(?:[.:][0-9]+)*|[a-z][a-z0-9]*(?:['-][a-z0-9]+)*)|([${HAN_CLASS}]+)`, 'g');

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

/** All tokens of `text` with their offsets, stop words removed. */
export function tokenizeWithOffsets(text: string): Token[] {
  const normalized = normalizeForMatch(text);
  const out: Token[] = [];
  for (const m of normalized.matchAll(PIECE)) {
    if (m[1] !== undefined) out.push({ term: m[1], start: m.index, end: m.index + m[1].length });
    else cutHan(m[2], m.index, out);
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
