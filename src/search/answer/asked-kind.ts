// Whether a sentence could answer what a question asks for at all. 「全长多少公里?」 is not answered by a
// sentence with no distance in it, however close its other words (`27号线 在校园设置南科大站…`), and
// 「一共有多少人参加?」 not by one with no figure. A sentence failing this is no answer: the card says
// 没有找到 and lists the closest passages, as for any question the documents do not answer.
import { normalizeForMatch } from '../../text/normalize.js';
import type { QuestionType } from '../question/question-type.js';

/** A version asked for (哪个版本的 JDK): an answer names one, in digits. */
const ASKS_VERSION = /(?:哪个|多少)版本|什么版本的|版本号是/;

/** Units a question may name after 多少/几, each with the units an answer may give it in. */
const UNIT_FAMILIES: { asked: RegExp; units: RegExp }[] = [
  { asked: /(?:多少|几)(?:个)?(?:公里|千米|米|里)|多远|多长距离/, units: /^(?:多|余)?(?:万|千|百)?(?:公里|千米|米|km|m|里|光年|英里|海里)/i },
  { asked: /(?:多少|几)(?:名|个人|人|位)(?!民币)/, units: /^(?:多|余)?(?:万|亿|千|百)?(?:名|人|位)/ },
  { asked: /多少钱|(?:多少|几)(?:元|块)|什么价|价格是/, units: /^(?:多|余)?(?:万|亿|千|百)?(?:元|块|美元|欧元|英镑|日元|港元)/ },
];

/**
 * Any figure, loosely: ASCII digits; a fraction (三分之一); Han numerals of two characters or with
 * 十百千万亿 (四十万, 不到三千); a single 二 to 九 before another character; 一, 两 or 半 before a counter
 * (一周, 两轮), since alone they are mostly parts of words (一些, 统一).
 */
const FIGURE =
  /[0-9]|分之|[零〇一二两三四五六七八九十百千万亿]{2,}|[十百千万亿]|[二三四五六七八九][\u4e00-\u9fff]|[一两半](?:个|名|人|位|户|家|所|座|条|项|件|张|部|本|台|辆|种|类|次|轮|场|批|组|届|期|层|栋|间|篇|年|个月|月|周|天|日|小时|分钟|秒|岁|倍|成|元|块|米|公里|千米|吨|克|亩|行省|省)/;

/**
 * A bare figure names no counter (`12万`, `1,745`): it may be in the asked unit, written before it. A
 * number right before 号, 期, 届 or 版 is a label (27号线, 第5期), and a lone year (2023 RISC-V中国峰会)
 * a date, not an amount.
 */
const BARE = /(?<![0-9]|[0-9][.,])(?!(?:19|20)[0-9]{2}(?![0-9]))[0-9]+(?:[.,][0-9]+)*(?:多|余)?(?:万|亿)?(?![.,][0-9])(?![0-9号期届版年月日点时%％a-z\u4e00-\u9fff])/i;

/** Amounts in the asked unit: each digit run with what follows it. */
function hasUnit(text: string, units: RegExp): boolean {
  for (const m of text.matchAll(/([0-9]+(?:[.,][0-9]+)*|[零〇一二两三四五六七八九十百千万亿几半]+)/g)) {
    if (units.test(text.slice(m.index + m[0].length))) return true;
  }
  return false;
}

/**
 * True when `sentence` cannot be the answer to a question of this type: a quantity asked and no figure
 * in it, a unit asked (多少公里, 多少人, 多少钱) and no figure in that unit nor any bare one, or a version
 * asked and no digit. `text`: the sentence normalized, when its passage's analysis holds it already.
 */
export function lacksAskedKind(question: string, type: QuestionType, sentence: string, text = normalizeForMatch(sentence)): boolean {
  if (ASKS_VERSION.test(normalizeForMatch(question)) && !/[0-9]/.test(text)) return true;
  if (type !== 'quantity') return false;
  if (!FIGURE.test(text)) return true;
  const asked = normalizeForMatch(question);
  const family = UNIT_FAMILIES.find((f) => f.asked.test(asked));
  return family !== undefined && !hasUnit(text, family.units) && !BARE.test(text);
}
