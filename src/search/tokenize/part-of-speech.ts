// Part-of-speech tags from jieba, for the few places that need to know a word is a person's name
// (nr), a place (ns) or an organisation (nt): the answer to 谁 or 哪里.
import { tag } from 'nodejs-jieba';
import { normalizeForMatch } from '../../text/normalize.js';
import { ensureJiebaLoaded } from './jieba-dictionary.js';

export interface TaggedWord {
  word: string;
  tag: string;
  /** Offsets into the text that was tagged. */
  start: number;
  end: number;
}

/** Tagged words of `text` in order, with offsets (normalisation keeps lengths, so they fit the original). */
export function tagWords(text: string): TaggedWord[] {
  ensureJiebaLoaded();
  const out: TaggedWord[] = [];
  let at = 0;
  for (const { word, tag: t } of tag(normalizeForMatch(text))) {
    out.push({ word, tag: t, start: at, end: at + word.length });
    at += word.length;
  }
  return out;
}
