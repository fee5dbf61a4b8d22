// One source file → its cleaned articles, paragraphs and sentences, every character traceable.
import { buildParagraphs } from './build-paragraphs.js';
import { pageFinder } from './formats/pages.js';
import type { ParsedDocument, TableRowPlace } from './document-model.js';
import type { RowSpan } from './formats/table-rows.js';
import { documentTitle } from './document-title.js';
import { furnitureLines } from './page-furniture.js';
import { splitArticles } from './split-articles.js';
import { isStatute, splitStatute } from './statute.js';
import { splitSentences } from './split-sentences.js';

/**
 * Bump when cleaning, paragraphs, articles, sentences or passages come out differently for the same file: the
 * index fingerprint carries it, so stored parses are redone (vectors of unchanged texts still serve).
 * 2: sentences bounded in length; spaces kept between accented Latin, Greek and Cyrillic words.
 * 3: page numbers of paged sources.
 * 4: `##` parts titled "document › part"; marked headings of any length.
 * 5: field lines (`时间：…`) are body; full-width spaces kept between fields; dated sign-offs joined.
 * 6: headings make no passages of their own (`chunk-passages.ts`); a masthead URL is not a field.
 * 7: a publisher line (`中共衡水市委主办`) is masthead, never an article's title.
 * 8: page furniture and the collection's repeated lines dropped; titles from metadata and title-like
 *    headings; authors' spaces kept outside OCR'd text; statutes read by article.
 * 9: schedule entries (`11月18日第八届秋季运动会`) are body paragraphs of their own; a `#` line over
 *    200 characters is text; Markdown call-out boxes (`!!! tip "…"`, `::: tip`) read as title and text.
 * 10: an unstyled first line right above a numbered section is the title (`若依系统开发环境搭建手册`).
 * 11: a whole sentence repeated across documents (a copied notice) is text, not the collection's chrome.
 * 13: the keyword index reads each heading of a document of several articles led by the document's title.
 * 14: a PDF page whose text layer is garbled (mojibake, glyph ids) is read by OCR, never indexed as it is;
 *     a spreadsheet row knows its sheet and row number.
 * 15: a line that is only a link to the original or the next article (查看原文, 下一篇) is chrome.
 * 16: so is a source line naming only an address (`来源：https://…`), however long.
 * 17: a line with an unmatched bracket is never a headline; a schedule entry may go on with a quote.
 * 18: a numbered figure or table title (`图 1.9 …`, `表 3-1 …`) is a caption.
 * 19: each passage keeps its tokens and names (`../search/tokenize/text-analysis.ts`).
 */
export const PARSER_VERSION = 19;

export interface ParseOptions {
  /** The title the file's metadata gives (front matter, PDF properties). */
  metaTitle?: string;
  /** Lines the collection repeats across its documents (`repeatedLines`): not this document's text. */
  repeated?: ReadonlySet<string>;
  /** For spreadsheets: where each row's line is in `source` (`TableTextWriter`). */
  rows?: readonly RowSpan[];
}

/** The row whose line holds source offset `at`, by binary search over the spans in source order. */
function rowAt(rows: readonly RowSpan[], at: number): TableRowPlace | undefined {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (rows[mid].end <= at) low = mid + 1;
    else high = mid;
  }
  const span = rows[low];
  return span && span.start <= at ? { row: span.row, ...(span.sheet !== undefined ? { sheet: span.sheet } : {}) } : undefined;
}

export function parseDocument(id: string, path: string, source: string, fallbackTitle: string, { metaTitle, repeated, rows }: ParseOptions = {}): ParsedDocument {
  const paragraphs = buildParagraphs(source, furnitureLines(source, repeated));
  const statute = isStatute(paragraphs);
  const raw = statute ? splitStatute(paragraphs, fallbackTitle) : splitArticles(paragraphs, fallbackTitle);
  // A statute's head (its name, the dates it was passed) holds the headline candidates; its chapters are paths.
  const headlines = statute ? (raw[0]?.paragraphs.filter((p) => p.paragraph.kind === 'heading').map((p) => p.paragraph.text) ?? []) : raw.map((a) => a.title);
  const title = documentTitle(paragraphs, headlines, metaTitle, fallbackTitle).title;
  // A statute's chapter reads "law › part › chapter", in the page and in matching.
  const titled = (articleTitle: string) => (!statute ? articleTitle : articleTitle === fallbackTitle ? title : `${title} › ${articleTitle}`);
  const pageAt = pageFinder(source);
  let index = 0;
  const articles = raw.map((article, articleIndex) => ({
    index: articleIndex,
    title: titled(article.title),
    paragraphs: article.paragraphs.map(({ paragraph, section }) => {
      const i = index++;
      const tableRow = rows && rowAt(rows, paragraph.map[0] ?? 0);
      return {
        index: i,
        anchor: `p${i}`,
        kind: paragraph.kind,
        text: paragraph.text,
        map: paragraph.map,
        sentences: splitSentences(paragraph.text),
        ...(section ? { section } : {}),
        ...(pageAt ? { page: pageAt(paragraph.map[0] ?? 0) } : {}),
        ...(tableRow ? { tableRow } : {}),
      };
    }),
  }));
  return { id, path, title, articles };
}
