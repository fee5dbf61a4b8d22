// Character classes shared by cleaning, sentence splitting and tokenizing.

/** Han ideographs as a character-class body: CJK unified, extension A, compatibility. The one definition every pattern uses. */
export const HAN_CLASS = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';

const HAN = new RegExp(`[${HAN_CLASS}]`);

export const isHan = (ch: string): boolean => HAN.test(ch);

/** Digits and the letters of scripts that separate words with spaces (Latin with its accents, Greek, Cyrillic): between these a space is meaningful. */
export const isSpacedWordChar = (ch: string): boolean => /[0-9\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u.test(ch);

/** Ends a sentence in Chinese text (full- and half-width forms; OCR output mixes both). */
export const SENTENCE_END = '。！？!?；;…';

/** Closing marks that belong to the sentence they follow. */
export const CLOSING_MARKS = '”’"\'」』）)】》';

export const isSentenceEnd = (ch: string): boolean => SENTENCE_END.includes(ch);
export const isClosingMark = (ch: string): boolean => CLOSING_MARKS.includes(ch);

/** True if the line's last meaningful character closes a sentence. */
export function endsSentence(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && (isClosingMark(line[i]) || /\s/.test(line[i]))) i--;
  return i >= 0 && isSentenceEnd(line[i]);
}
