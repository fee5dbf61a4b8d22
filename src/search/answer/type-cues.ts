// Where a sentence holds what a question type asks for: a figure with its unit, a date, a person's
// name, a place. Used twice: a sentence holding one is a better answer, and the span is the phrase
// marked inside the answer.
import type { Span } from '../../ingest/split-sentences.js';
import { normalizeForMatch } from '../../text/normalize.js';
import { namedWords, type NamedWord } from '../tokenize/named-words.js';
import type { QuestionType } from '../question/question-type.js';

const DIGITS = '[0-9]+(?:[.,][0-9]+)*';
const HAN_NUMBER = '[零〇一二两三四五六七八九十百千万亿几]+';
/** Words before a figure that belong to it: 约22平方公里, 近千人, 超过3万. */
const PREFIX = '(?:约|近|逾|超过|超|达|共|仅|只有|大约|将近|不到|不足|多达|高达)?';
/** Counters and units after a figure (the longest first where one is a prefix of another). */
const UNIT =
  '(?:多|余|来)?(?:万|亿|千|百)?(?:平方公里|平方千米|平方英里|平方米|立方米|公顷|公里|千米|公分|公尺|厘米|毫米|公斤|千克|英里|英尺|英寸|英亩|海里|光年|千瓦|兆瓦|马力|' +
  '亿元|万元|美元|欧元|英镑|日元|港元|元|块|角|分钟|小时|周年|个月|年|天|周|岁|米|克|吨|升|亩|度|倍|%|％|‰|' +
  '个|名|人|位|户|家|所|座|条|项|件|张|部|本|台|辆|架|艘|列|种|类|次|轮|场|届|期|层|栋|间|只|头|匹|枚|颗|对|首|篇|册|卷|集|款|门|份|批|组|队|支|片|处|段|句|字|页|票|球|余)?';
const FIGURE = new RegExp(`${PREFIX}(?:${DIGITS}|${HAN_NUMBER})(?:${DIGITS}|${HAN_NUMBER})*${UNIT}`, 'g');
/** A time of day as notices write it: `9:00`, `下午5:00`, `19：30`. */
const CLOCK = '(?:上午|下午|中午|晚上|早上|凌晨)?(?<![0-9])(?:[01]?[0-9]|2[0-4])[:：][0-5][0-9](?![0-9])';
/** A month and day with a slash, as notices and posters write them (`9/1`, `8/24`); never part of a longer figure (`1/2/3`, `3.5/10`). */
const SLASH_DATE = '(?<![0-9./])(?:1[0-2]|0?[1-9])/(?:3[01]|[12][0-9]|0?[1-9])(?![0-9./])';
const DATE = new RegExp(
  `(?:公元前?)?(?:${DIGITS}|[零〇一二三四五六七八九十]+)\\s?(?:年代|年|世纪)(?:\\s?(?:${DIGITS}|[一二三四五六七八九十]+)\\s?月)?(?:\\s?(?:${DIGITS}|[一二三四五六七八九十]+)\\s?[日号])?` +
    `|(?:${DIGITS}|[一二三四五六七八九十]+)\\s?月(?:\\s?(?:${DIGITS}|[一二三四五六七八九十]+)\\s?[日号])?` +
    '|(?:春秋|战国|秦|汉|西汉|东汉|三国|晋|西晋|东晋|南北朝|隋|唐|宋|北宋|南宋|元|明|清)(?:朝|代)(?:初年|末年|初期|中期|末期|时期)?' +
    `|${CLOCK}(?:\\s*[-–—~～至到]\\s*${CLOCK})?|${SLASH_DATE}`,
  'g',
);


/** A figure is an answer only if it says how many: a lone 一 (一个, 一种) mostly does not. */
const isTrivial = (figure: string) => /^[一两]$/.test(figure.replace(/[^0-9零〇一二两三四五六七八九十百千万亿几]/g, ''));

/** A figure that is part of a date (6月30日, 2019年) says when, not how many. */
const isDatePart = (text: string, start: number, end: number) => /^[月日号]/.test(text.slice(end)) || /[年月]$/.test(text.slice(start - 1, start)) || /^[0-9]{4}年$/.test(text.slice(start, end));

/**
 * Han numerals are also parts of words (万庄, 十分, 三亚): written in Han numerals only, a figure needs a
 * unit or counter after it to count. After 第 it is an ordinal (第三笔), which says which, not how many.
 */
const isNotAQuantity = (text: string, start: number, figure: string) =>
  text[start - 1] === '第' || (!/[0-9]/.test(figure) && /[零〇一二两三四五六七八九十百千万亿几]$/.test(figure));

function matches(pattern: RegExp, text: string, quantity = false): Span[] {
  return [...text.matchAll(pattern)]
    .filter((m) => !isTrivial(m[0]) && !(quantity && (isDatePart(text, m.index, m.index + m[0].length) || isNotAQuantity(text, m.index, m[0]))))
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * The spans inside `text` that could answer a question of this type (empty for 'other'). `names` and
 * `normalized`: the text's names and normalized form as its passage's analysis keeps them, so that it
 * is not tagged or normalized again.
 */
export function typeCandidates(text: string, type: QuestionType, names?: readonly NamedWord[], normalized = normalizeForMatch(text)): Span[] {
  switch (type) {
    case 'quantity':
      return matches(FIGURE, normalized, true);
    case 'time':
      return matches(DATE, normalized);
    case 'person':
    case 'place':
      return (names ?? namedWords(text)).filter((w) => w.kind === type).map((w) => ({ start: w.start, end: w.end }));
    default:
      return [];
  }
}
