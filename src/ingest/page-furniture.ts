// Lines that are not the document's text: what a site prints on every page (navigation, a banner), a
// PDF's running heads and page numbers, a page's tool buttons (打印 收藏 【字号：大 中 小】) and its
// 来源/编辑 lines. They never become paragraphs, titles or answers: the lines found here are read as
// blank lines (`build-paragraphs.ts`).
import { PAGE_BREAK } from './formats/pages.js';
import { turnTaker } from '../util/next-turn.js';

/** A line as compared across pages and documents: trimmed, its spaces collapsed. */
export const lineKey = (line: string) => line.replace(/\s+/g, ' ').trim();

/** Lines longer than this are text, however often they repeat. */
const MAX_REPEATED_CHARS = 80;

/**
 * A line repeated in at least this many documents, and in at least this share of them, is the
 * site's or the collection's, not any one document's: a folder of 76 real documents had a 2019-site
 * banner on 14 pages and a language menu on the same 14; the seed pages share no line at all.
 */
const REPEATED_MIN_DOCUMENTS = 3;
const REPEATED_MIN_SHARE = 0.1;

/** Headings that recur across documents by design (第一章 总则 in every law) are structure, never chrome. */
const STRUCTURE = /^#|^第[一二三四五六七八九十百千零〇0-9]+[编章节条]/;

/** A whole sentence is text, however many documents hold it (a notice copied into several folders); chrome never ends in 。. */
const SENTENCE = /[。！？]["”’」』）)]*$/;

/** Lines found in many documents of a collection (each document's text given once), with turns of the event loop as it reads. */
export async function repeatedLines(texts: Iterable<string>): Promise<Set<string>> {
  const documents = new Map<string, number>();
  let count = 0;
  const turn = turnTaker();
  for (const text of texts) {
    await turn();
    count++;
    const seen = new Set<string>();
    for (const raw of text.split('\n')) {
      const key = lineKey(raw);
      if (key.length < 2 || key.length > MAX_REPEATED_CHARS || STRUCTURE.test(key) || SENTENCE.test(key) || seen.has(key)) continue;
      seen.add(key);
      documents.set(key, (documents.get(key) ?? 0) + 1);
    }
  }
  const least = Math.max(REPEATED_MIN_DOCUMENTS, Math.ceil(REPEATED_MIN_SHARE * count));
  return new Set([...documents].filter(([, n]) => n >= least).map(([key]) => key));
}

/** Page numbers as printed: `15/51`, `- 3 -`, `第3页`, `第 3 页 共 51 页`, `Page 3 of 51`. */
const PAGE_NUMBER = /^(?:[-—–]\s*[0-9]+\s*[-—–]|[0-9]+\s*\/\s*[0-9]+|第\s*[0-9]+\s*页(?:\s*[,，]?\s*共\s*[0-9]+\s*页)?|(?:page|p\.)\s*[0-9]+(?:\s*(?:of|\/)\s*[0-9]+)?)$/i;

/** A bare number: a page number only at the top or bottom of a page. */
const BARE_NUMBER = /^[0-9]{1,4}$/;

/**
 * A page's tool buttons and font-size switch, and its links to the original or the next article
 * (查看原文, 下一篇: realdocs-dev's news transcripts left 查看原文 as a paragraph in 4 of 76 documents,
 * too few for a line repeated across the collection).
 */
const CHROME_WORDS =
  /^(?:[【\[]?\s*(?:下载|打印|全屏|收藏|分享|关闭|关闭窗口|打印本页|返回顶部|返回|字号|加大|减小|还原|大|中|小|默认|繁体|简体|English|扫一扫|分享到|查看原文|阅读原文|原文链接|查看全文|阅读全文|上一篇|下一篇|相关阅读|推荐阅读)\s*[:：]?\s*[】\]]?\s*)+$/i;
const SOURCE_LINE = /^[【\[]?\s*(?:来源|稿源|责任编辑|编辑|浏览次数|点击数|阅读量|浏览量)\s*[:：]/;
const FONT_SIZE = /【\s*字号\s*[:：][^】]*】/;
const MAX_SOURCE_LINE_CHARS = 40;
/** A source line naming only an address (`来源：https://…`, or as a Markdown link) is one however long the address. */
const SOURCE_ADDRESS = /^\S{2,4}\s*[:：]\s*(?:https?:\/\/\S+|\[[^\]]*\]\(https?:\/\/[^)\s]+\))$/i;

/** A line that is chrome or furniture wherever it stands. */
export function isChromeLine(key: string): boolean {
  return PAGE_NUMBER.test(key) || CHROME_WORDS.test(key) || (FONT_SIZE.test(key) && key.replace(FONT_SIZE, '').length <= MAX_SOURCE_LINE_CHARS) || (SOURCE_LINE.test(key) && (key.length <= MAX_SOURCE_LINE_CHARS || SOURCE_ADDRESS.test(key)));
}

/** How many lines at each end of a page are looked at for running heads and page numbers. */
const PAGE_EDGE_LINES = 3;
/** A head or foot printed on at least half the pages (and on three at least) runs through the document. */
const RUNNING_MIN_SHARE = 0.5;
const RUNNING_MIN_PAGES = 3;

/** The first and last non-empty lines of each page, as [line start offset, key]. */
function pageEdges(source: string): [number, string][][] {
  const pages: [number, string][][] = [];
  let offset = 0;
  let page: [number, string][] = [];
  for (const raw of source.split('\n')) {
    if (raw.includes(PAGE_BREAK)) {
      pages.push(page);
      page = [];
    } else if (raw.trim() !== '') page.push([offset, lineKey(raw)]);
    offset += raw.length + 1;
  }
  if (page.length > 0) pages.push(page);
  return pages.map((lines) => (lines.length <= 2 * PAGE_EDGE_LINES ? lines : [...lines.slice(0, PAGE_EDGE_LINES), ...lines.slice(-PAGE_EDGE_LINES)]));
}

/** Lines this short compare with their digits as any digits: `Java开发手册 15/51` and `… 16/51` are one running head. */
const MAX_NUMBERED_HEAD_CHARS = 30;
const shapeOf = (key: string) => (key.length <= MAX_NUMBERED_HEAD_CHARS ? key.replace(/[0-9]+/g, '#') : key);

/**
 * The start offsets of the lines of `source` that are furniture: chrome lines, lines in `repeated`
 * (the collection's), and in a paged text the running heads and feet and the page numbers at a page's
 * top or bottom.
 */
export function furnitureLines(source: string, repeated: ReadonlySet<string> = new Set()): Set<number> {
  const dropped = new Set<number>();
  let offset = 0;
  for (const raw of source.split('\n')) {
    const key = lineKey(raw);
    if (key !== '' && (isChromeLine(key) || repeated.has(key))) dropped.add(offset);
    offset += raw.length + 1;
  }
  if (!source.includes(PAGE_BREAK)) return dropped;
  const pages = pageEdges(source);
  const pagesWith = new Map<string, number>();
  for (const edges of pages) for (const shape of new Set(edges.map(([, key]) => shapeOf(key)))) pagesWith.set(shape, (pagesWith.get(shape) ?? 0) + 1);
  const least = Math.max(RUNNING_MIN_PAGES, Math.ceil(RUNNING_MIN_SHARE * pages.length));
  for (const edges of pages) {
    for (const [at, key] of edges) {
      if (BARE_NUMBER.test(key) || (key.length <= MAX_REPEATED_CHARS && (pagesWith.get(shapeOf(key)) ?? 0) >= least)) dropped.add(at);
    }
  }
  return dropped;
}
