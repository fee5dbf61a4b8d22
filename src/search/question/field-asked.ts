// Questions about a document itself (会议是哪天开的, 谁主持的, 通知是哪个部门发的): which fact is asked,
// and which words name the document. `../answer/document-fields.ts` finds the fact in the document.
import type { Token } from '../tokenize/tokenize.js';

/** What a field question asks for, and how its answer is found in the document. */
export interface FieldAsked {
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

/**
 * The question's words that are left once the fact asked for is taken out: the document it is about.
 * Read from the question's tokens (`tokens` of `question`): a token inside a field word is left out.
 */
export function subjectTerms(question: string, tokens: readonly Token[]): string[] {
  const taken = new Array<boolean>(question.length).fill(false);
  for (const m of question.matchAll(FIELD_WORDS)) taken.fill(true, m.index, m.index + m[0].length);
  const subject = tokens.filter((t) => !taken.slice(t.start, t.end).some(Boolean)).map((t) => t.term);
  return [...new Set(subject)];
}

export function fieldAsked(question: string): FieldAsked | undefined {
  return FIELDS.find((f) => f.asks.test(question));
}
