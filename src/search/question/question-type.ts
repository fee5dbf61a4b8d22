// What kind of thing a question asks for, read from its question words. The type decides which
// sentences get a bonus (one holding a figure, a date, a person, a place) and which phrase is marked.

export type QuestionType = 'quantity' | 'time' | 'person' | 'place' | 'other';

/** 哪几/哪些/第几 ask for a list or an ordinal, not a quantity, although they hold 几. */
const ASKS_LIST = /哪几|哪些|第几/;
const ASKS_TIME = /何时|什么时候|什么时间|哪一?年|何年|哪一?天|几月|几号|几日|几点|哪个(?:朝代|年代|时期|世纪)|什么(?:朝代|年代|时期)|多少年前|始于何|年份/;
const ASKS_QUANTITY = /多少|几|多[大长高久远重宽深厚少]|百分之|比例|比率|人口|面积/;
const ASKS_PERSON = /谁|哪位|何人|什么人|哪个人|名字叫/;
const ASKS_PLACE = /哪里|哪儿|何处|何地|在哪|什么地方|哪个(?:国家|城市|省|地区|地方|县|市|区|村)|哪国|哪座城|位于/;

export function questionTypeOf(question: string): QuestionType {
  if (ASKS_TIME.test(question)) return 'time';
  if (ASKS_PERSON.test(question)) return 'person';
  if (ASKS_PLACE.test(question)) return 'place';
  if (ASKS_QUANTITY.test(question.replace(ASKS_LIST, ''))) return 'quantity';
  return 'other';
}
