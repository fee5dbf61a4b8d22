// Part-of-speech tags from jieba, for the few places that need to know a word is a person's name
// (nr), a place (ns) or an organisation (nt): the answer to 谁 or 哪里.
import { tag } from 'nodejs-jieba';
import { normalizeForMatch } from '../../text/normalize.js';
import { boundedMemo } from '../../util/bounded-memo.js';
import { ensureJiebaLoaded } from './jieba-dictionary.js';

export interface TaggedWord {
  word: string;
  tag: string;
  /** Offsets into the text that was tagged. */
  start: number;
  end: number;
}

function tagged(text: string): TaggedWord[] {
  ensureJiebaLoaded();
  const out: TaggedWord[] = [];
  let at = 0;
  for (const { word, tag: t } of tag(normalizeForMatch(text))) {
    out.push({ word, tag: t, start: at, end: at + word.length });
    at += word.length;
  }
  return out;
}

/** Sentences kept: the answer's scorer tags each candidate sentence of a question for a 谁 or 哪里 cue. */
const KEPT_SENTENCES = 1024;

/**
 * Tagged words of `text` in order, with offsets (normalisation keeps lengths, so they fit the original);
 * remembered for recent texts, so the result is shared: never change it.
 */
export const tagWords: (text: string) => readonly TaggedWord[] = boundedMemo(tagged, KEPT_SENTENCES);

/** A person's or a place's name in a text: what a 谁 or 哪里 question asks for. */
export interface NamedWord {
  start: number;
  end: number;
  kind: 'person' | 'place';
}

const KIND_OF_TAG: Record<string, NamedWord['kind']> = { nr: 'person', nrfg: 'person', nrt: 'person', ns: 'place', nsf: 'place' };

/** The names in `text` of two characters or more (a lone 王 or 京 is rarely the name asked for). */
export const namedWords = (text: string): NamedWord[] =>
  tagWords(text)
    .filter((w) => KIND_OF_TAG[w.tag] !== undefined && w.word.length > 1)
    .map((w) => ({ start: w.start, end: w.end, kind: KIND_OF_TAG[w.tag] }));
