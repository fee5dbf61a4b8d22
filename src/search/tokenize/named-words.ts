// People's and places' names in a text, for the answer to 谁 or 哪里: the words of its tokens (not the
// parts search mode adds inside a word) that jieba's dictionary tags as a person's name (nr, nrfg,
// nrt) or a place (ns, nsf). The tokens are the ones the index and the sentence scorer already have, so
// finding names costs a lookup a word. jieba's own tagger cuts the text again, with HMM, which also
// makes words of runs of single characters; of 29,024 sentences of CMRC dev, DRCD dev and realdocs-dev,
// 18 got other names that way, mostly such pieces (德大 of 德州, 上村, 下拉), at twice the cost of a cut.
import { dictionaryNames } from './jieba-dictionary.js';
import { passageTokens } from './passage-tokens.js';
import type { Token } from './tokenize.js';

/** A person's or a place's name in a text: what a 谁 or 哪里 question asks for. */
export interface NamedWord {
  /** Offsets into the text (normalisation keeps lengths, so into the displayed text too). */
  start: number;
  end: number;
  kind: 'person' | 'place';
}

/** The names among a text's tokens (`tokenizeWithOffsets`), of two characters or more: a lone 王 or 京 is rarely the name asked. */
export function namesInTokens(tokens: readonly Token[]): NamedWord[] {
  const kinds = dictionaryNames();
  const out: NamedWord[] = [];
  let wordEnd = 0;
  for (const t of tokens) {
    // A part search mode added lies inside the word before it.
    if (t.start < wordEnd) continue;
    wordEnd = t.end;
    const kind = t.end - t.start > 1 ? kinds.get(t.term) : undefined;
    if (kind) out.push({ start: t.start, end: t.end, kind });
  }
  return out;
}

/** The names in `text`. */
export const namedWords = (text: string): NamedWord[] => namesInTokens(passageTokens(text));
