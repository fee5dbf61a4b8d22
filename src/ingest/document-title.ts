// The title a person would give a document, from what it says of itself, in this order (measured on
// the real-document development set, BENCHMARKS.md "Real documents"):
//  1. its leading `#` headings: one, or two in a row at the very top naming a work and its part
//     (`# 中华人民共和国民法典` / `# 总则` → 中华人民共和国民法典 · 总则);
//  2. its metadata: Markdown front matter `title:`, a PDF's Title property (an application's default,
//     `Microsoft Word - 报告.docx` or `PowerPoint 簡報`, is cleaned or ignored);
//  3. a short first line right above a numbered section (`若依系统开发环境搭建手册` / `# 1. 准备工作`): a
//     Word file whose title line has no heading style;
//  4. its highest marked heading that reads as a title (the first `#`, else the first `##`, …), else
//     the first of its articles' headlines that does (`split-articles.ts` already passes over mastheads
//     and kickers): not a chapter or numbered section (第一章, 1.准备工作, 一、概述), not a generic
//     section name (概述, 目录), not a sentence, a speaker or a glossary line;
//  5. its file name.
import type { RawParagraph } from './build-paragraphs.js';

/** Longest line still taken for a title; longer is a sentence. */
const MAX_TITLE_CHARS = 50;

/** Lines between two leading `#` headings that still leave them "in a row": a date, a note, a version. */
const MAX_BETWEEN_CHARS = 40;

const NUMERAL = '[一二三四五六七八九十百千零〇两0-9０-９]+';

/** A chapter, part, section or article heading, or a numbered section (`1.准备工作`, `一、概述`, `2.3 安装`). */
const STRUCTURE_HEADING = new RegExp(`^(?:第${NUMERAL}[编章节条部分篇卷款]|${NUMERAL}(?:[.、．)）]|\\s)|[（(]${NUMERAL}[)）]|[0-9]+(?:\\.[0-9]+)+)`);

/** Names every document's parts share: a section called this names nothing in particular. */
const GENERIC_HEADING = /^(?:概述|概要|简介|簡介|简述|簡述|介绍|前言|引言|序言?|目录|目錄|摘要|说明|說明|附录|附錄|附件|总则|總則|导言|導言|背景|正文|正文内容|内容|内容提要|更新日志|参考文献|參考文獻|新生须知|新生須知|注意事项|注意事項|常见问题|FAQ|Contents|Overview|Introduction|Summary|Abstract)$/i;

/** Someone's office and name (`省长李炳军`), a glossary heading, or a line that is only a date. */
const NOT_A_TITLE = /^(?:省长|市长|区长|县长|主任|主席|书记|局长|校长|院长|理事长|执行长|总经理)\s*\S{2,4}$|名词(?:注释|解释)|^注释$|^[0-9]{4}\s*年(?:\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?)?$/;

/**
 * An application's default title in a PDF's properties, or what a browser printing a page puts there
 * when the page has no title: its address (`about:blank`, `https://…`, `file:///…`) or a file path.
 */
const DEFAULT_META_TITLE = /^(?:about:blank|(?:https?|file):\/\/\S*|[A-Za-z]:\\\S*|\/\S+|PowerPoint\s*(?:簡報|简报|Presentation)|幻灯片\s*\d*|投影片\s*\d*|Untitled|无标题|無標題|Slide\s*\d*|Document\d*|文档\d*|新建\s*\S*文档)$/i;

/** Decorations around a heading in plain text (`====手动更改配置文件====`) and a trailing emoji-free trim. */
const stripDecoration = (text: string) => text.replace(/^[=#*\-_~\s]+|[=#*\-_~\s]+$/g, '').trim();

/** Whether a heading reads as a document's title. */
export function isTitleLike(text: string): boolean {
  const t = stripDecoration(text).replace(/^\p{Extended_Pictographic}\uFE0F?\s*/u, '');
  if (t.length < 2 || t.length > MAX_TITLE_CHARS) return false;
  if (/[。；;：:]$/.test(t)) return false;
  return !STRUCTURE_HEADING.test(t) && !GENERIC_HEADING.test(t) && !NOT_A_TITLE.test(t);
}

/** A metadata title as a person would read it, or undefined for an application's default. */
export function cleanMetaTitle(title: string | undefined): string | undefined {
  const cleaned = title
    ?.replace(/^Microsoft\s+(?:Word|PowerPoint|Excel)\s*-\s*/i, '')
    .replace(/\.(?:docx?|pptx?|xlsx?|pdf|txt|md)$/i, '')
    .trim();
  return cleaned && !DEFAULT_META_TITLE.test(cleaned) && cleaned.length <= MAX_TITLE_CHARS * 2 ? cleaned : undefined;
}

/**
 * The leading `#` title: the first marked heading when it is an h1 before any body text, joined with a
 * second h1 that follows it with nothing but short lines between (a work and its part). A page whose
 * first `#` headline is followed by its text, and then by other `#` headlines, is a page of articles:
 * it has no leading title.
 */
function leadingTitle(paragraphs: RawParagraph[]): string | undefined {
  const first = paragraphs.findIndex((p) => p.headingLevel > 0);
  if (first < 0 || paragraphs[first].headingLevel !== 1) return undefined;
  if (paragraphs.slice(0, first).some((p) => p.kind === 'body' && p.text.length > MAX_BETWEEN_CHARS)) return undefined;
  const rest = paragraphs.slice(first + 1);
  const next = rest.findIndex((p) => p.headingLevel > 0);
  const between = next < 0 ? rest : rest.slice(0, next);
  const inRow = next >= 0 && rest[next].headingLevel === 1 && between.every((p) => p.text.length <= MAX_BETWEEN_CHARS);
  const h1s = paragraphs.filter((p) => p.headingLevel === 1).length;
  if (inRow) return `${paragraphs[first].text} · ${rest[next].text}`;
  return h1s === 1 ? paragraphs[first].text : undefined;
}

/**
 * A first line that titles the document although no heading style marks it: short, title-like, and
 * followed at once by a numbered top section (`1. 准备工作`, `第一章 总则`), which is no title itself.
 */
function firstLineTitle(paragraphs: RawParagraph[]): string | undefined {
  const [first, next] = paragraphs;
  if (!first || !next || first.headingLevel > 0 || first.text.length > MAX_BETWEEN_CHARS || /[，,。]/.test(first.text) || !isTitleLike(first.text)) return undefined;
  return next.headingLevel > 0 && STRUCTURE_HEADING.test(stripDecoration(next.text)) ? stripDecoration(first.text) : undefined;
}

/** Why a title was chosen, for the tests and the evaluation's audit. */
export type TitleSource = 'heading' | 'metadata' | 'first line' | 'first heading' | 'file name';

export function documentTitle(paragraphs: RawParagraph[], headlines: string[], metaTitle: string | undefined, fileName: string): { title: string; source: TitleSource } {
  const leading = leadingTitle(paragraphs);
  if (leading && isTitleLike(leading.split(' · ')[0])) return { title: leading, source: 'heading' };
  const meta = cleanMetaTitle(metaTitle);
  if (meta) return { title: meta, source: 'metadata' };
  const line = firstLineTitle(paragraphs);
  if (line) return { title: line, source: 'first line' };
  const marked = paragraphs.filter((p) => p.headingLevel > 0 && isTitleLike(p.text)).sort((a, b) => a.headingLevel - b.headingLevel);
  const heading = marked[0]?.text ?? headlines.find((h) => h !== fileName && isTitleLike(h));
  if (heading) return { title: stripDecoration(heading), source: 'first heading' };
  return { title: fileName, source: 'file name' };
}
