// Where a passage came from, said for a person ("《标题》· 文章 · 第3段", a spreadsheet's "《标题》 · 表「2025」 · 第12行"), and the link that opens its
// paragraph in the source view with the quoted sentence marked.
import type { AnswerEngine } from '../engine/answer-engine.js';
import type { PassageResult } from '../search/answer/compose-answer.js';
import { cellsOf } from '../search/answer/table-cell.js';
import { citedUrl } from '../urls.js';

export interface Citation {
  documentTitle: string;
  articleTitle: string;
  paragraphLabel: string;
  href: string;
  /** The whole paragraph, with the paragraphs before and after it in its article: to read around the quote in place. */
  context?: { before?: string; paragraph: string; after?: string };
}

/** The cited paragraph and its neighbours in the same article (headings are not text to read on). */
function contextOf(engine: AnswerEngine, docId: string, articleIndex: number, paragraphIndex: number): Citation['context'] {
  const paragraphs = engine.document(docId)?.articles[articleIndex]?.paragraphs.filter((q) => q.kind !== 'heading');
  const at = paragraphs?.findIndex((q) => q.index === paragraphIndex) ?? -1;
  if (!paragraphs || at < 0) return undefined;
  return { before: paragraphs[at - 1]?.text, paragraph: paragraphs[at].text, after: paragraphs[at + 1]?.text };
}

/** `表「2025」 · 第12行 · 增速列`: the sheet (a CSV has none), the row, and the answer's column when known. */
const tableLabel = (table: NonNullable<PassageResult['table']>) =>
  [table.sheet !== undefined ? `表「${table.sheet}」` : '', `第${table.row}行`, table.column ? `「${table.column}」列` : ''].filter(Boolean).join(' · ');

export function citationOf(engine: AnswerEngine, p: PassageResult): Citation {
  const passage = engine.passage(p.id);
  const doc = engine.document(p.docId);
  const documentTitle = doc?.title ?? p.docId;
  // An article titled by the document's own title is the document's: it is not named twice.
  const articleTitle = doc?.ownTitle !== undefined && p.title === doc.ownTitle ? documentTitle : p.title;
  if (!passage) return { documentTitle, articleTitle, paragraphLabel: '', href: p.url };
  // A spreadsheet row's answer is its cell: the link marks that cell, not the whole row.
  const marked = (p.table?.column && cellsOf(p.text).find((c) => c.column === p.table!.column)) || p.quote;
  return {
    documentTitle,
    // A row is placed by its sheet and row number, as the spreadsheet shows it, not by the part's title.
    articleTitle: p.table ? documentTitle : articleTitle,
    paragraphLabel: p.table ? tableLabel(p.table) : passage.page ? `第${passage.page}页 · 第${passage.paragraphIndex + 1}段` : `第${passage.paragraphIndex + 1}段`,
    href: citedUrl(p.docId, passage.anchor, passage.start + marked.start, passage.start + marked.end),
    context: contextOf(engine, p.docId, passage.articleIndex, passage.paragraphIndex),
  };
}

/** Where a passage is from, as one line of plain text: `《标题》 · 文章 · 第3段`. */
export const citationText = (cite: Citation) =>
  `《${cite.documentTitle}》${cite.articleTitle !== cite.documentTitle ? ` · ${cite.articleTitle}` : ''}${cite.paragraphLabel ? ` · ${cite.paragraphLabel}` : ''}`;
