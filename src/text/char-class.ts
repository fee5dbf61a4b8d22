// Character classes shared by cleaning, sentence splitting and tokenizing.

/** Han ideographs as a character-class body: CJK unified, extension A, compatibility. The one definition every pattern uses. */
export const HAN_CLASS = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';

const HAN = new RegExp(`[${HAN_CLASS}]`);

export const isHan = (ch: string): boolean => HAN.test(ch);

/** Letters and digits of the Latin script, the characters between which a space is meaningful. */
export const isAsciiWordChar = (ch: string): boolean => /[A-Za-z0-9]/.test(ch);

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
