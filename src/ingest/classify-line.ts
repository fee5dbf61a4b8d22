// What a cleaned line of a newspaper page or an office document is: headline, byline, picture
// caption, dateline or body. Cues were measured on the seed pages and on notices and minutes; see the
// tests for the real snippets they come from.
import { endsSentence, isHan } from '../text/char-class.js';

export type ParagraphKind = 'heading' | 'byline' | 'caption' | 'body';

/** Longest line still taken for a headline or deck; body lines of these pages run far longer. */
export const MAX_HEADING_CHARS = 60;

/** `本报讯`, `河北日报讯（记者…）`, `新华社北京12月2日电`: the first words of a news article's body. */
export function isDateline(text: string): boolean {
  return /^(本报讯|[^，,。\s]{2,8}讯\s*[（(]|[^，,。\s]{2,8}报\s*[（(](记者|通讯员)|新华社[^，,。]{0,16}电)/.test(text);
}

export function isByline(text: string): boolean {
  if (text.length > 40 || /[。，,；;]/.test(text)) return false;
  return /^□/.test(text) || /(记者|通讯员|特约撰稿|撰稿人?)[\s:：]*\S/.test(text);
}

/**
 * A field of a form, minutes or notice: a short label, a colon, its value (`时间：10月15日下午2点`,
 * `主持人：王建国`), or a line that introduces what follows (`各部门：`). Such a line is content, often
 * the very answer, never a headline.
 */
export function isFieldLine(text: string): boolean {
  // The value holds words or figures: `衡水新闻网:www.hsrb.com.cn` is a masthead, not a field.
  return /^[\p{Script=Han}A-Za-z]{1,8}[：:].*[\p{Script=Han}0-9]/u.test(text) || /[：:]$/.test(text);
}

/**
 * An entry of a schedule (a school calendar, an agenda, a timeline): a date or a span of dates, then
 * what happens (`11月18日第八届秋季运动会（停课1天）`, `1月17日-2月11日本科生寒假`). Short and without a
 * full stop, it looked like a headline, and headlines make no passages: a calendar's every entry was
 * unsearchable. It is content, and each entry starts a paragraph of its own. A line with a comma or a
 * full stop is a sentence that starts with a date, not an entry.
 */
export function isScheduleEntry(text: string): boolean {
  // A line that reads as a sentence (`10月1日至7日放假调休，共7天。`) is text going on, not an entry.
  if (endsSentence(text) || /[，,。]/.test(text)) return false;
  return /^(?:[0-9]{4}\s*年\s*)?[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日(?:\s*[-–—~～至到]\s*(?:[0-9]{1,2}\s*月\s*)?[0-9]{1,2}\s*日)?\s*[\p{Script=Han}（(“《]{2}/u.test(text);
}

/** A report's numbered figure or table title (`图 1.9 GitHub 年度活跃用户数量趋势`, `表 3-1 参数说明`): a caption, never a headline. */
const NUMBERED_CAPTION = /^[图圖表]\s*[0-9]+(?:[.．-][0-9]+)*(?:\s|[:：]|$)/;

export function isCaption(text: string): boolean {
  const line = text.trim();
  return /摄$|供图$|摄影[:：]|^图[为:：]/.test(line) || NUMBERED_CAPTION.test(line);
}

/** Bracket pairs a heading opens and closes within itself; a full-width bracket may close a half-width one. */
const BRACKETS: [RegExp, RegExp][] = [
  [/[（(]/g, /[）)]/g],
  [/“/g, /”/g],
  [/《/g, /》/g],
  [/【/g, /】/g],
];

/** A list marker a line may start with, whose bracket closes nothing: `1）`, `(2)`, `（三）`. */
const LIST_MARKER = /^[（(]?[0-9一二三四五六七八九十]{1,3}[）)]/;

const count = (text: string, marks: RegExp) => text.match(marks)?.length ?? 0;

/**
 * A bracket opened and not closed, or closed and not opened (`日休息）`, `（4月3日-4月5`): a piece of a
 * line the layout wrapped, a calendar's cell or a cut sentence, never a headline.
 */
export function hasUnmatchedBracket(text: string): boolean {
  const rest = text.replace(LIST_MARKER, '');
  return BRACKETS.some(([open, close]) => count(rest, open) !== count(rest, close));
}

/** A line wholly in brackets (`（具体时间以通知为准）`) is a note on the line before, never a headline. */
const isBracketedNote = (text: string) => /^[（(【][^（(【]*[）)】]$/.test(text);

export function isHeadingLike(text: string, headingLevel: number): boolean {
  if (headingLevel > 0) return true;
  if (text.length === 0 || text.length > MAX_HEADING_CHARS || hasUnmatchedBracket(text) || isBracketedNote(text)) return false;
  // Headlines carry at most one comma (`打造滏阳新城,补齐城市建设短板`); a line with more is a cut sentence.
  const clauseMarks = text.match(/[，,、；;]/g)?.length ?? 0;
  return clauseMarks <= 1 && !endsSentence(text) && !text.includes('。') && !isDateline(text);
}

export function classifyLine(text: string, headingLevel: number): ParagraphKind {
  if (headingLevel > 0) return 'heading';
  if (isCaption(text)) return 'caption';
  if (isByline(text)) return 'byline';
  if (isFieldLine(text) || isScheduleEntry(text)) return 'body';
  if (isHeadingLike(text, 0)) return 'heading';
  return 'body';
}

/** Share of Han characters: tells a headline from a masthead line such as `HENGSHUIRIBAO` or a date. */
export function hanShare(text: string): number {
  if (!text) return 0;
  let han = 0;
  for (const ch of text) if (isHan(ch)) han++;
  return han / [...text].length;
}
