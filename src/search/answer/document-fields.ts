// Questions about a document itself: 会议是哪天开的, 在哪里开的, 谁主持的, 通知是哪个部门发的. Minutes and
// notices state these once, in a field line (`时间：… 地点：… 主持人：…`) or in the sign-off under the text
// (`行政人事部 2024年9月20日`), in words the question does not share, so neither the keyword nor the
// vector score can find them. When the question names its document by words of that document's
// title and asks for one of these facts (`../question/field-asked.ts`), the answer is read from the field.
import type { Span } from '../../ingest/split-sentences.js';
import { normalizeForMatch } from '../../text/normalize.js';
import type { FieldAsked } from '../question/field-asked.js';

/** `key：value` segments of a line, separated by spaces (`时间：… 地点：…`). */
function fieldsOf(text: string): { key: string; value: Span }[] {
  const out: { key: string; value: Span }[] = [];
  for (const m of text.matchAll(/(?:^|[ 　])([\u4e00-\u9fff]{2,8})[：:][ 　]*([^ 　]+(?:[ 　]+(?![\u4e00-\u9fff]{2,8}[：:])[^ 　]+)*)/g)) {
    const valueStart = m.index + m[0].length - m[2].length;
    out.push({ key: m[1], value: { start: valueStart, end: valueStart + m[2].length } });
  }
  return out;
}

/** A sign-off under a notice: the issuing office, then the date (`行政人事部 2024年9月20日`). */
const SIGN_OFF = /^(\S.{1,30}?)[ 　]+((?:[0-9]{4}|[〇零一二三四五六七八九]{4})年[0-9〇零一二三四五六七八九十]{1,2}月[0-9〇零一二三四五六七八九十]{1,3}[日号])$/;

export interface FieldAnswer {
  /** The paragraph (of those given) holding the answer. */
  paragraphIndex: number;
  /** The field or sign-off line within the paragraph's text. */
  line: Span;
  /** The value that answers. */
  value: Span;
}

/** The fact's field in one article's paragraphs, or in its sign-off (its last paragraph). */
export function findField(asked: FieldAsked, paragraphs: { index: number; text: string }[]): FieldAnswer | undefined {
  if (asked.key) {
    for (const p of paragraphs) {
      const field = fieldsOf(p.text).find((f) => asked.key!.test(f.key));
      if (field) return { paragraphIndex: p.index, line: { start: field.value.start - field.key.length - 1, end: field.value.end }, value: field.value };
    }
  }
  const last = paragraphs.at(-1);
  const signOff = asked.signOff && last ? SIGN_OFF.exec(last.text) : null;
  if (!asked.signOff || !last || !signOff) return undefined;
  const value = asked.signOff === 'office' ? { start: 0, end: signOff[1].length } : { start: last.text.length - signOff[2].length, end: last.text.length };
  return { paragraphIndex: last.index, line: { start: 0, end: last.text.length }, value };
}

/** The question names this article: every word left once the fact asked for is taken out is in its title. */
export function namesArticle(subject: string[], title: string): boolean {
  const heading = normalizeForMatch(title);
  return subject.length > 0 && subject.every((t) => heading.includes(normalizeForMatch(t)));
}
