// A PDF text layer that is not text: fonts without a Unicode map give glyph ids (`(cid:1234)` as
// pdfminer prints them), private-use code points or U+FFFD; a layer written in the wrong encoding
// gives mojibake (`æ°´å` for 水务, each Chinese character read as three Latin-1 bytes). Such a page
// looks right when printed and is garbage when indexed, so it is read by OCR instead, like a scan.
import { HAN_CLASS } from '../../text/char-class.js';

/**
 * Characters a page of Chinese or English writing is made of: Han, kana and Hangul, ASCII, CJK and
 * full-width punctuation, general punctuation, Greek and Cyrillic, arrows, maths, box drawing, circled numbers and
 * the Latin-1 signs Chinese text uses (° ± · × ÷). Accented Latin letters, C1 controls, private use and
 * U+FFFD are not among them: mojibake and glyph-id text are made of those.
 */
const PLAUSIBLE = new RegExp(
  `[${HAN_CLASS}\\u3000-\\u30ff\\uac00-\\ud7af\\u0020-\\u007e\\u00a0\\u00b0\\u00b1\\u00b7\\u00d7\\u00f7\\u0370-\\u04ff\\u2010-\\u205e\\u2100-\\u23ff\\u2460-\\u27bf\\uff00-\\uffef]`,
);

/** A glyph id as text extractors print it for a font with no Unicode map. */
const GLYPH_ID = /\(cid:\d+\)/g;

/**
 * Below this share of plausible characters a page is garbled. Mojibake of Chinese text has about 5%
 * (only the odd ° or ·), glyph ids none. Every PDF page and every paragraph of the other files in
 * realdocs-dev, the seeds and the fixtures has at least 93%.
 */
const MIN_PLAUSIBLE_SHARE = 0.6;

/** Fewer characters than this are too few to judge (a page number, a stray mark). */
const MIN_CHARS_TO_JUDGE = 20;

/** True when the text is mostly characters no writing is made of (see PLAUSIBLE). */
export function isGarbledText(text: string): boolean {
  const glyphIds = text.match(GLYPH_ID)?.length ?? 0;
  const chars = [...text.replace(GLYPH_ID, '').replace(/\s+/g, '')];
  const total = chars.length + glyphIds;
  if (total < MIN_CHARS_TO_JUDGE) return false;
  const plausible = chars.filter((ch) => PLAUSIBLE.test(ch)).length;
  return plausible / total < MIN_PLAUSIBLE_SHARE;
}
