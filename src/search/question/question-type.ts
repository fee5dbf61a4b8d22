// What kind of thing a question asks for, read from its question words, in either script (誰 is 谁).
// The type decides which sentences get a bonus (one holding a figure, a date, a person, a place),
// which phrase is marked, and what an answer must hold at all (`../answer/asked-kind.ts`).
import { normalizeForMatch } from '../../text/normalize.js';

export type QuestionType = 'quantity' | 'time' | 'person' | 'place' | 'other';

/** 哪几/哪些/第几 ask for a list or an ordinal, not a quantity, although they hold 几. */
const ASKS_LIST = /哪几|哪些|第几/;
/** A query typed without a question word that ends in 时间 or 日期 (`个税年度汇算 时间`) asks when as well. */
const ASKS_TIME = /何时|什么时候|什么时间|哪一?年|何年|哪一?天|几月|几号|几日|几点|哪个(?:朝代|年代|时期|世纪)|什么(?:朝代|年代|时期)|多少年前|始于何|年份|(?:时间|日期)[?？\s]*$/;
/** 几 in 几何, 几乎, 几率 and 这几年 is part of a word, as 多大 in 科罗拉多大学; 多少 and 多+adjective otherwise ask how much. */
const ASKS_QUANTITY = /多少|(?<!这|那|前|近|好|最近)几(?!何|乎|率)|多大(?!学)|多[长高久远重宽深厚少]|百分之/;
/** Nouns that ask a quantity only when nothing else is asked (人口多少 but not 哪种淀粉的比例). */
const QUANTITY_NOUNS = /比例|比率|人口|面积/;
const ASKS_WHAT = /什么|哪|何种|为何|如何/;
const ASKS_PERSON = /谁|哪位|何人|什么人|哪个人|名字叫|叫什么名字/;
const ASKS_PLACE = /哪里|哪儿|何处|何地|在哪|什么地方|哪个(?:国家|城市|省|地区|地方|县|市|区|村)|哪国|哪座城|位于/;

export function questionTypeOf(asked: string): QuestionType {
  const question = normalizeForMatch(asked);
  if (ASKS_TIME.test(question)) return 'time';
  if (ASKS_PERSON.test(question)) return 'person';
  if (ASKS_PLACE.test(question)) return 'place';
  const unlisted = question.replace(ASKS_LIST, '');
  if (ASKS_QUANTITY.test(unlisted) || (QUANTITY_NOUNS.test(unlisted) && !ASKS_WHAT.test(unlisted))) return 'quantity';
  return 'other';
}
