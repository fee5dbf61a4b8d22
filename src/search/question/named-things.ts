// What a question insists on by name: a law (劳动合同法, 《未成年人保护法》), an article of it
// (第十九条), a year (2021年), a version, a place, a product. A passage from another law, another
// article or another year is not what was asked for, however close its words (`劳动合同法第十九条` is not 劳动法's 第十九条, and the
// 2021 summit is not the 2023 one).
import type { Token } from '../tokenize/tokenize.js';
import { normalizeForMatch } from '../../text/normalize.js';
import { placeMentions } from './places.js';

export interface NamedThings {
  /**
   * Names of laws, regulations or rules the question names. A law's (…法, …法典, …条例) must be held by
   * the answer's passage, its heading or its document's title, or there is no answer: a folder with only
   * 劳动法 does not answer for 劳动合同法.
   */
  laws: string[];
  /** Article numbers, as tokens give them (`第十九条`, whatever numerals the question used). */
  articles: string[];
  /** Years, as four digits; an edition written `COSCon'19` names 2019. */
  years: string[];
  /**
   * What the answer's passage must hold, or there is no answer: versions (`0.14.0`, `2.1`) and
   * ordinals of editions and sessions (`第六届`, `第22期`); of the years asked (`years`), one at least. The corpus that holds only 0.12
   * and 0.13, or the 5th 进博会, does not answer for 0.14 or the 6th.
   */
  mustHold: string[];
  /**
   * Places asked (浙江, 深圳, 阜城县; `places.ts`): an answer from a passage that names another place,
   * and neither this one nor one inside it, is no answer. A passage naming no place (a province's own
   * paper writes 我省) is where its article says it is.
   */
  places: string[];
  /**
   * Names in Latin script (PLCT, RuyiSDK, openEuler, DDE): products, organisations, projects. A passage
   * whose document never names one is most likely about something else.
   */
  names: string[];
}

/** A token in Latin script that names something: two characters at least, a letter first. */
const NAME = /^[a-z][a-z0-9+._'-]+$/i;

/** A version: numbers joined by dots, at least one dot (`2.0.0`, `21.09`); a decimal with a unit is a figure, not a version. */
const VERSION = /(?<![0-9.])v?([0-9]+(?:\.[0-9]+)+)(?![0-9.]|\s*(?:%|万|亿|元|米|公里|千米|吨|倍|个|人|岁|度|分|秒|小时|天|年))/gi;

/**
 * The places a question names, read from its text where a name starts and ends on its tokens' edges:
 * 浙江西部 names 浙江 and not 江西, and 唐山 or 曲周县, which the tokenizer cuts into single characters,
 * still count.
 */
function placesAsked(query: string, tokens: readonly Token[]): string[] {
  const starts = new Set(tokens.map((t) => t.start));
  const ends = new Set(tokens.map((t) => t.end));
  const mentions = placeMentions(normalizeForMatch(query)).filter((m) => starts.has(m.start) && ends.has(m.end));
  return [...new Set(mentions.map((m) => m.place.name))];
}

/** An edition, session or issue: `第六届`, `第22期`, `第3版` (`第一次` is "the first time", no edition). */
const ORDINAL = /第[0-9一二三四五六七八九十百]+(?:届|期|版|季)/g;

/** A year as people write it in a question: `2021年`, `2021 年`, `2021年度`; not a decade (`1990年代`); a bare 4-digit number is too often something else. */
export const YEAR = /(?<![0-9])((?:19|20)[0-9]{2})\s*年(?!代)/g;

/** An edition named by its year's last two digits after an apostrophe: `COSCon'19`, `COSCon’21`. */
const EDITION_YEAR = /([a-z])['’‘]([0-9]{2})(?![0-9])/gi;

/** A two-digit year as its century's: '19 is 2019, '98 is 1998. */
const fullYear = (yy: string) => `${Number(yy) > (new Date().getFullYear() % 100) + 1 ? '19' : '20'}${yy}`;

/** A text with each edition year written in full (`COSCon'19` → `COSCon 2019`), so it holds the year a question asks. */
export const editionYearsInFull = (text: string) => text.replace(EDITION_YEAR, (_, letter: string, yy: string) => `${letter} ${fullYear(yy)}`);

const SUFFIX = '(?:法典|法|条例|规定|办法|细则|章程|准则|规则)';

/** A name in book-title marks: `《未成年人保护法》`. */
const IN_MARKS = /《([^》]{2,40})》/g;

/** A name right before an article number or a word that cites it: `劳动合同法第十九条`, `劳动法规定…`, `民法典里…`. */
const CITED = new RegExp(`([\\u4e00-\\u9fff]{2,20}?${SUFFIX})(?=第[0-9一二三四五六七八九十百千零〇两]+条|规定|里|中的|对于|关于)`, 'g');

/** Words before the name that are the question's, not the law's (`根据劳动法` names 劳动法). */
const LEADING = /^(?:根据|按照|依照|依据|请问|按|依|在|对|的)+/;

/** A question word or copula inside what looks like a cited name: `哪一条例`, `相当理由是哪国刑事程序法` name no law. */
const ASKING = /[哪谁几]|什么|何|多少|是/;

/**
 * Runs of two or more single Han characters next to each other in the question (若 依, 伊 维 卡): the
 * tokenizer's dictionary had no word for them, so they are most often a name it does not know (若依, a
 * product; 伊维卡, a person). The ranking treats one as a name asked about only when some candidate's
 * document title holds it (`../rank/named-things-stage.ts`): a run of particles (最 晚) is in no title.
 */
/**
 * Runs that are no name: a question word (多大), or two characters the second of which is a verb's
 * helper (球 会 of 哪一種球會是勝利的關鍵): a football club's title (…球会) holds it, and every tennis
 * passage moved down for lacking it.
 */
const NOT_A_NAME = /^(?:多[大少长高久远]|什么|怎么|为何)$|^[\u4e00-\u9fff][会是的了在有能要就都也将被把]$/;

export function unknownWordRuns(tokens: readonly Token[]): string[] {
  const runs = new Set<string>();
  let run = '';
  let end = -1;
  const flush = () => {
    if (run.length >= 2 && !NOT_A_NAME.test(run)) runs.add(run);
    run = '';
  };
  for (const t of tokens) {
    const single = t.end - t.start === 1 && /^[\u4e00-\u9fff]$/.test(t.term);
    if (!single || t.start !== end) flush();
    if (single) run += t.term;
    end = t.end;
  }
  flush();
  return [...runs];
}

export function namedThings(query: string, tokens: readonly Token[]): NamedThings {
  const laws = new Set<string>();
  for (const m of query.matchAll(IN_MARKS)) laws.add(m[1].trim());
  for (const m of query.matchAll(CITED)) {
    const name = m[1].replace(LEADING, '');
    if (name.length >= 3 && !ASKING.test(name)) laws.add(name);
  }
  const articles = [...new Set(tokens.map((t) => t.term).filter((term) => /^第.+条$/.test(term)))];
  const years = [...new Set([...[...query.matchAll(YEAR)].map((m) => m[1]), ...[...query.matchAll(EDITION_YEAR)].map((m) => fullYear(m[2]))])];
  const places = placesAsked(query, tokens);
  const mustHold = [...new Set([...[...query.matchAll(VERSION)].map((m) => m[1]), ...[...query.matchAll(ORDINAL)].map((m) => m[0])])];
  const names = [...new Set(tokens.map((t) => t.term).filter((term) => NAME.test(term)))];
  return { laws: [...laws], articles, years, mustHold, places, names };
}
