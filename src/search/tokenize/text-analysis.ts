// What a passage's text is cut into, worked out once when it is indexed and kept with it, so that a
// question never cuts or tags it again. A question reads each candidate's tokens (its sentences are
// scored by the words they hold) and, for a 谁 or 哪里 question, the names in each sentence; cutting
// and tagging them took half of a CMRC question's time beside the model (a CPU profile, BENCHMARKS.md
// "Eleventh session"). The index needs the tokens anyway, so a build pays only for the tagging.
//
// Kept as two short strings a passage record carries (`Passage.analysis`), not as arrays: at a million
// passages a build holds every one of them. Each value is a character code, offsets stored as the step
// from the previous one, so almost every character is one byte.
import type { Passage, StoredAnalysis } from '../../ingest/document-model.js';
import type { Span } from '../../ingest/split-sentences.js';
import { normalizeForMatch, widthAndCase } from '../../text/normalize.js';
import { boundedMemo } from '../../util/bounded-memo.js';
import { objectMemo } from '../../util/object-memo.js';
import { namedWords, type NamedWord } from './part-of-speech.js';
import { passageTokens } from './passage-tokens.js';
import { termAt, tokenizeWithOffsets, type Token } from './tokenize.js';

export type { NamedWord };

export interface TextAnalysis {
  /** `normalizeForMatch(text)`. */
  readonly normalized: string;
  /** `tokenizeWithOffsets(text)`: shared, never change them. */
  readonly tokens: readonly Token[];
  /** The people's and places' names in the text (offsets into it), each sentence tagged on its own. */
  names(): readonly NamedWord[];
}

/** Steps back (a word's parts start inside it, before the part listed last) are stored from this code up. */
const STEP_ZERO = 64;
/** Lengths from this code up (clear of `"`, which JSON would escape). */
const LENGTH_ZERO = 35;
/** The largest code a value may take: below the surrogates, which a string cannot hold alone. */
const MAX_CODE = 0xd7ff;
const KIND_CODE: Record<NamedWord['kind'], string> = { person: 'p', place: 'l' };

/** `[start, end]` pairs as step and length codes; undefined when one does not fit a code. */
function encodeSpans(spans: readonly Span[], lead?: (i: number) => string): string | undefined {
  let out = '';
  let previous = 0;
  for (const [i, { start, end }] of spans.entries()) {
    const step = start - previous + STEP_ZERO;
    const length = end - start + LENGTH_ZERO;
    if (step < 0 || step > MAX_CODE || length > MAX_CODE) return undefined;
    out += (lead?.(i) ?? '') + String.fromCharCode(step, length);
    previous = start;
  }
  return out;
}

function decodeSpans(code: string, width: number, take: (start: number, end: number, at: number) => void): void {
  let previous = 0;
  for (let at = 0; at < code.length; at += width) {
    const start = previous + code.charCodeAt(at + width - 2) - STEP_ZERO;
    take(start, start + code.charCodeAt(at + width - 1) - LENGTH_ZERO, at);
    previous = start;
  }
}

/** The text as matched, from what the record keeps: converting a text's script is the costly part, and most texts need none. */
const normalizedOf = (text: string, stored: StoredAnalysis) => stored.normalized ?? widthAndCase(text);

function decodeTokens(normalized: string, cuts: string): Token[] {
  const tokens: Token[] = [];
  decodeSpans(cuts, 2, (start, end) => tokens.push({ term: termAt(normalized, start, end), start, end }));
  return tokens;
}

function decodeNames(names: string): NamedWord[] {
  const words: NamedWord[] = [];
  decodeSpans(names, 3, (start, end, at) => words.push({ start, end, kind: names[at] === KIND_CODE.person ? 'person' : 'place' }));
  return words;
}

/** The names of each sentence, tagged one sentence at a time, as offsets into `text`. */
const namesBySentence = (text: string, sentences: readonly Span[], namesOf: (sentence: string) => readonly NamedWord[]): NamedWord[] =>
  sentences.flatMap((s) => namesOf(text.slice(s.start, s.end)).map((w) => ({ start: w.start + s.start, end: w.end + s.start, kind: w.kind })));

/**
 * A passage's analysis as its record keeps it. `namesOf` tags a sentence (a build passes one that
 * remembers, as neighbouring passages share a sentence). Undefined when a value does not fit (a token
 * or a gap of tens of thousands of characters): that passage is then cut at question time, as before.
 */
export function storedAnalysis(passage: Pick<Passage, 'text' | 'sentences'>, namesOf: (sentence: string) => readonly NamedWord[] = namedWords): StoredAnalysis | undefined {
  const tokens = tokenizeWithOffsets(passage.text);
  const cuts = encodeSpans(tokens);
  const named = namesBySentence(passage.text, passage.sentences, namesOf);
  const names = encodeSpans(named, (i) => KIND_CODE[named[i].kind]);
  if (cuts === undefined || names === undefined) return undefined;
  const normalized = normalizeForMatch(passage.text);
  return normalized === widthAndCase(passage.text) ? { cuts, names } : { cuts, names, normalized };
}

/**
 * A document's passages with their analyses, as a build stores them. Neighbouring passages share a
 * sentence, which is tagged once.
 */
export function withAnalyses(passages: readonly Passage[]): Passage[] {
  const namesOf = boundedMemo(namedWords, Infinity);
  return passages.map((p) => {
    const analysis = storedAnalysis(p, namesOf);
    return analysis ? { ...p, analysis } : p;
  });
}

/** The terms the keyword index takes for a passage's text: its stored tokens' when it has them. */
export function indexedTerms(passage: Pick<Passage, 'text' | 'analysis'>): string[] {
  const stored = passage.analysis;
  return stored ? decodeTokens(normalizedOf(passage.text, stored), stored.cuts).map((t) => t.term) : tokenizeWithOffsets(passage.text).map((t) => t.term);
}

/** A text with no stored analysis (a paragraph, a passage of an older index): cut now, tagged when asked. */
function computedAnalysis(text: string, sentences: readonly Span[]): TextAnalysis {
  let names: NamedWord[] | undefined;
  return { normalized: normalizeForMatch(text), tokens: passageTokens(text), names: () => (names ??= namesBySentence(text, sentences, namedWords)) };
}

/** A passage's analysis: decoded from its record, or computed for a passage that has none; kept with the passage object while the corpus holds its record. */
export const analysisOf = objectMemo((passage: Passage): TextAnalysis => {
  const stored = passage.analysis;
  if (!stored) return computedAnalysis(passage.text, passage.sentences);
  let names: NamedWord[] | undefined;
  const normalized = normalizedOf(passage.text, stored);
  return { normalized, tokens: decodeTokens(normalized, stored.cuts), names: () => (names ??= decodeNames(stored.names)) };
});

/**
 * A paragraph's analysis, put together from its passages' (in order, as `chunkDocument` cuts them:
 * runs of whole sentences, a sentence shared between neighbours). A token never crosses a sentence
 * end, so each passage adds what lies past the one before it. Computed instead when the passages do
 * not cover the paragraph from its start to its end.
 */
export function paragraphAnalysis(text: string, sentences: readonly Span[], passages: readonly Passage[]): TextAnalysis {
  const covers = passages.length > 0 && passages[0].start === 0 && passages.at(-1)!.end === text.length && passages.every((p, k) => k === 0 || p.start <= passages[k - 1].end);
  if (!covers) return computedAnalysis(text, sentences);
  if (passages.length === 1) return analysisOf(passages[0]);
  const tokens: Token[] = [];
  let normalized = '';
  let covered = 0;
  for (const p of passages) {
    const own = analysisOf(p);
    for (const t of own.tokens) if (t.start + p.start >= covered) tokens.push({ term: t.term, start: t.start + p.start, end: t.end + p.start });
    normalized += own.normalized.slice(covered - p.start);
    covered = p.end;
  }
  let names: NamedWord[] | undefined;
  const merged = () => {
    const out: NamedWord[] = [];
    let upTo = 0;
    for (const p of passages) {
      for (const w of analysisOf(p).names()) if (w.start + p.start >= upTo) out.push({ start: w.start + p.start, end: w.end + p.start, kind: w.kind });
      upTo = p.end;
    }
    return out;
  };
  return { normalized, tokens, names: () => (names ??= merged()) };
}
