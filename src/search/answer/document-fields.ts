// Questions about a document itself: 会议是哪天开的, 在哪里开的, 谁主持的, 通知是哪个部门发的. Minutes and
// notices state these once, in a field line (`时间：… 地点：… 主持人：…`) or in the sign-off under the text
// (`行政人事部 2024年9月20日`), in words the question does not share, so neither the keyword nor the
// vector score can find them. When the question names its document by words of that document's
// title and asks for one of these facts, the answer is read from the field.
import type { Span } from '../../ingest/split-sentences.js';
import { normalizeForMatch } from '../../text/normalize.js';
import { queryTerms } from '../tokenize/tokenize.js';

/** What a field question asks for, and how its answer is found in the document. */
interface FieldAsked {
  /** The question asks for this (tested on the question). */
  asks: RegExp;
  /** A field line's key that answers it (`主持人` in `主持人：王建国`). */
  key?: RegExp;
  /** Which part of the sign-off answers it, when no field does. */
  signOff?: 'office' | 'date';
}

const ISSUED = '(?:发|发布|印发|下发|发出|公布|出)的?';
const WHEN = '(?:哪天|哪一天|什么时候|什么时间|何时|几号|几月几[日号]|哪年哪月)';

/** Checked in order: the first that the question asks is the one answered. */
const FIELDS: FieldAsked[] = [
  { asks: new RegExp(`${WHEN}${ISSUED}|${ISSUED}.{0,4}(?:日期|时间)`), key: /^(?:发布|发文|印发|成文)(?:日期|时间)$/, signOff: 'date' },
  { asks: /(?:哪个|哪一个|什么|哪些|哪家)(?:部门|单位|机构|科室)|谁(?:发|发布|印发|下发)|(?:发文|发布|落款)单位/, key: /^(?:发布|发文|印发|主办)?(?:单位|部门|机构)$/, signOff: 'office' },
  { asks: /主持/, key: /主持/ },
  { asks: /记录/, key: /记录/ },
  { asks: /(?:参会|参加|出席|与会|列席)/, key: /参会|参加|出席|与会|列席/ },
  { asks: /联系人|联系电话|电话/, key: /联系|电话/ },
  { asks: /哪里|哪儿|在哪|何处|什么地方|地点|地址/, key: /^(?:会议)?(?:地点|地址|会场|场所)$/ },
  { asks: new RegExp(`${WHEN}|时间|日期`), key: /^(?:会议|活动|开会)?(?:时间|日期)$/ },
];

/** Words that say which fact is asked, or are the verb of it; what is left names the document. */
const FIELD_WORDS =
  /是|的|了|呢|吗|在|于|由|这次|本次|这个|这份|这篇|该|哪天|哪一天|天开|什么时候|什么时间|何时|几号|几月|几日|时候|时间|日期|哪里|哪儿|在哪|何处|什么地方|地方|地点|地址|哪个|哪一个|什么|哪些|哪家|部门|单位|机构|科室|谁|哪位|召开|举行|举办|开|发布|印发|下发|发出|公布|发|出|主持人|主持|记录人|记录|参会|参加|出席|与会|列席|人员|人|联系人|联系电话|联系|电话|落款|发文/g;

/** The question's words that are left once the fact asked for is taken out: the document it is about. */
export function subjectTerms(question: string): string[] {
  return queryTerms(question.replace(FIELD_WORDS, ' ')).filter((t) => t.trim() !== '');
}

export function fieldAsked(question: string): FieldAsked | undefined {
  return FIELDS.find((f) => f.asks.test(question));
}

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
