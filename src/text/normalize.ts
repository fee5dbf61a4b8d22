// Matching normalisation, applied identically at index and at query time. It never changes the
// length of a string, so an offset into the normalised text is an offset into the displayed text.
import * as OpenCC from 'opencc-js';
import { boundedMemo } from '../util/bounded-memo.js';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const toTraditionalForm = OpenCC.Converter({ from: 'cn', to: 'tw' });

/**
 * A simplified word as Traditional text writes it (陈诚 → 陳誠): to look a normalized word up in raw
 * text without normalizing the text, which costs 30 µs a passage.
 */
export const traditional = (word: string) => toTraditionalForm(word);

/** Full-width ASCII forms (Ａ１％) and the ideographic space become their half-width forms. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Traditional → simplified; phrase-aware, falling back to per-character when a phrase rule changes the length. */
export function simplify(text: string): string {
  const whole = toSimplified(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const converted = toSimplified(ch);
    out += converted.length === ch.length ? converted : ch;
  }
  return out;
}

/** Lower-cases without changing length (a few letters, such as 'İ', grow when lower-cased; those stay). */
function lowerCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  return text.replace(/[^]/gu, (ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch));
}

/** Full-width to half-width and lower case: the whole of `normalizeForMatch` for a text whose script it does not convert. */
export const widthAndCase = (text: string) => lowerCase(toHalfWidth(text));

/** Texts kept (whole documents while indexing are not: over 4,000 characters). */
const RECENT_TEXTS = 2048;

/** Full-width to half-width, Traditional to simplified, lower case; remembered for recent texts (`boundedMemo`). */
export const normalizeForMatch: (text: string) => string = boundedMemo((text) => lowerCase(simplify(toHalfWidth(text))), RECENT_TEXTS, 4000);
