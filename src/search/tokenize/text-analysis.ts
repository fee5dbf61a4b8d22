// What a passage's text is cut into, worked out once when it is indexed and kept with it, so that a
// question never cuts it again. A question reads each candidate's tokens (its sentences are scored by
// the words they hold, and for a 谁 or 哪里 question by the names among them); cutting candidates and
// tagging their names took half of a CMRC question's own time (a CPU profile, BENCHMARKS.md "Eleventh
// session"). The index needs the tokens anyway: a build cuts each passage once, for both.
//
// Kept as a short string a passage record carries (`Passage.analysis`), not as an array: at a million
// passages a build holds every one of them. Each value is a character code, a token's start stored as
// the step from the one before, so almost every character is one byte.
import type { Passage, StoredAnalysis } from '../../ingest/document-model.js';
import type { Span } from '../../ingest/split-sentences.js';
import { normalizeForMatch, widthAndCase } from '../../text/normalize.js';
import { objectMemo } from '../../util/object-memo.js';
import { namesInTokens, type NamedWord } from './named-words.js';
import { passageTokens } from './passage-tokens.js';
import { termAt, tokenizeWithOffsets, type Token } from './tokenize.js';

export type { NamedWord };

export interface TextAnalysis {
  /** `normalizeForMatch(text)`. */
  readonly normalized: string;
  /** `tokenizeWithOffsets(text)`: shared, never change them. */
  readonly tokens: readonly Token[];
  /** The people's and places' names among the tokens (`namesInTokens`). */
  names(): readonly NamedWord[];
}

/** Steps back (a word's parts start inside it, before the part listed last) are stored from this code up. */
const STEP_ZERO = 64;
/** Lengths from this code up (clear of `"`, which JSON would escape). */
const LENGTH_ZERO = 35;
/** The largest code a value may take: below the surrogates, which a string cannot hold alone. */
const MAX_CODE = 0xd7ff;

/** Codes turned into a string at a time: well below the arguments a call may take. */
const CODES_A_CALL = 4096;

/**
 * Tokens' spans as step and length codes; undefined when one does not fit a code. The string is made
 * from the codes at once: added to one pair at a time it stays a chain of hundreds of pieces until it
 * is read, and a million passages' chains held gigabytes while a build ran.
 */
function encodeSpans(spans: readonly Span[]): string | undefined {
  const codes = new Uint16Array(2 * spans.length);
  let previous = 0;
  for (const [k, { start, end }] of spans.entries()) {
    const step = start - previous + STEP_ZERO;
    const length = end - start + LENGTH_ZERO;
    if (step < 0 || step > MAX_CODE || length > MAX_CODE) return undefined;
    codes[2 * k] = step;
    codes[2 * k + 1] = length;
    previous = start;
  }
  let out = '';
  for (let at = 0; at < codes.length; at += CODES_A_CALL) out += String.fromCharCode(...codes.subarray(at, at + CODES_A_CALL));
  return out;
}

/** The text as matched, from what the record keeps: converting a text's script is the costly part, and most texts need none. */
const normalizedOf = (text: string, stored: StoredAnalysis) => stored.normalized ?? widthAndCase(text);

function decodeTokens(normalized: string, cuts: string): Token[] {
  const tokens: Token[] = [];
  let start = 0;
  for (let at = 0; at < cuts.length; at += 2) {
    start += cuts.charCodeAt(at) - STEP_ZERO;
    const end = start + cuts.charCodeAt(at + 1) - LENGTH_ZERO;
    tokens.push({ term: termAt(normalized, start, end), start, end });
  }
  return tokens;
}

/**
 * A passage's analysis as its record keeps it. Undefined when a value does not fit (a token or a gap of
 * tens of thousands of characters): that passage is then cut at question time.
 */
export function storedAnalysis(passage: Pick<Passage, 'text'>): StoredAnalysis | undefined {
  const cuts = encodeSpans(tokenizeWithOffsets(passage.text));
  if (cuts === undefined) return undefined;
  const normalized = normalizeForMatch(passage.text);
  return normalized === widthAndCase(passage.text) ? { cuts } : { cuts, normalized };
}

/** A document's passages with their analyses, as a build stores them. */
export function withAnalyses(passages: readonly Passage[]): Passage[] {
  return passages.map((p) => {
    const analysis = storedAnalysis(p);
    return analysis ? { ...p, analysis } : p;
  });
}

/** The terms the keyword index takes for a passage's text: its stored tokens' when it has them. */
export function indexedTerms(passage: Pick<Passage, 'text' | 'analysis'>): string[] {
  const stored = passage.analysis;
  return stored ? decodeTokens(normalizedOf(passage.text, stored), stored.cuts).map((t) => t.term) : tokenizeWithOffsets(passage.text).map((t) => t.term);
}

/** A text's analysis from its tokens; its names are looked up when first asked for. */
function analysis(normalized: string, tokens: readonly Token[]): TextAnalysis {
  let names: NamedWord[] | undefined;
  return { normalized, tokens, names: () => (names ??= namesInTokens(tokens)) };
}

/** A text with no stored analysis (a paragraph, a passage of an older index): cut now. */
const computedAnalysis = (text: string) => analysis(normalizeForMatch(text), passageTokens(text));

/** A passage's analysis: decoded from its record, or computed for a passage that has none; kept with the passage object while the corpus holds its record. */
export const analysisOf = objectMemo((passage: Passage): TextAnalysis => {
  const stored = passage.analysis;
  if (!stored) return computedAnalysis(passage.text);
  const normalized = normalizedOf(passage.text, stored);
  return analysis(normalized, decodeTokens(normalized, stored.cuts));
});

/**
 * A paragraph's analysis, put together from its passages' (in order, as `chunkDocument` cuts them:
 * runs of whole sentences, a sentence shared between neighbours). A token never crosses a sentence
 * end, so each passage adds what lies past the one before it. Computed instead when the passages do
 * not cover the paragraph from its start to its end.
 */
export function paragraphAnalysis(text: string, passages: readonly Passage[]): TextAnalysis {
  const covers = passages.length > 0 && passages[0].start === 0 && passages.at(-1)!.end === text.length && passages.every((p, k) => k === 0 || p.start <= passages[k - 1].end);
  if (!covers) return computedAnalysis(text);
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
  return analysis(normalized, tokens);
}
