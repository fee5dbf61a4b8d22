// A newspaper page holds several articles: find where each starts and what it is called.
import { hanShare, isDateline } from './classify-line.js';
import type { RawParagraph } from './build-paragraphs.js';

export interface RawArticle {
  title: string;
  paragraphs: { paragraph: RawParagraph; section?: string }[];
}

/**
 * A run of headline/byline/caption paragraphs opens a new article when it carries an article-level
 * cue: a `#`/`##` heading, a headline with a deck (two headings), a byline, or a dateline
 * (`本报讯`, `新华社…电`) right after it. A lone short heading inside an article is a section title.
 */
function opensArticle(run: RawParagraph[], next: RawParagraph | undefined, isFirst: boolean): boolean {
  if (isFirst) return true;
  const headings = run.filter((p) => p.kind === 'heading');
  // In Markdown the author said which headings are articles (`#`, `##`) and which are sections.
  const marked = headings.filter((p) => p.headingLevel > 0);
  if (marked.length > 0) return marked.some((p) => p.headingLevel <= 2);
  if (headings.length >= 2) return true;
  if (run.some((p) => p.kind === 'byline')) return true;
  return next !== undefined && isDateline(next.text);
}

/**
 * Which heading of the run is the headline: a `#` heading (the highest level), else the heading right
 * before the byline (`headline / 本报记者 …`), else the last comma-free heading (kickers and column
 * names come first, decks with commas and figures come after). Mastheads and dates never win.
 */
/** A newspaper's publisher line (`中共衡水市委主办`) or weekday: masthead, never a headline. */
const MASTHEAD = /(?:主办|主管|出版|协办|承办|编印)$|^星期[一二三四五六日天]$/;

function pickHeadline(run: RawParagraph[]): RawParagraph | undefined {
  // Marked headings are the author's word: any length, any script. Of `#` then `##`, the `##` closest
  // to the text names the article (the `#` names the document).
  const marked = run.filter((p) => p.headingLevel > 0 && p.headingLevel <= 2);
  if (marked.length > 0) return marked[marked.length - 1];
  const headings = run.filter((p) => p.kind === 'heading' && hanShare(p.text) >= 0.5 && p.text.length >= 4 && !MASTHEAD.test(p.text));
  const byline = run.findIndex((p) => p.kind === 'byline');
  const beforeByline = byline > 0 ? run.slice(0, byline).filter((p) => headings.includes(p)) : [];
  const plain = headings.filter((p) => !/[，,、]/.test(p.text));
  const pool = beforeByline.length > 0 ? beforeByline : plain.length > 0 ? plain : headings;
  return pool[pool.length - 1];
}

/**
 * The heading that names the whole document: a `#` heading that comes before any other marked heading
 * and is the only `#` (a Markdown note, a Word title). A newspaper page marked up with several `#`/`##`
 * headlines has none: there every marked heading is an article's.
 */
export function documentHeading(paragraphs: RawParagraph[]): RawParagraph | undefined {
  const marked = paragraphs.filter((p) => p.headingLevel > 0);
  const first = marked[0];
  return first?.headingLevel === 1 && marked.filter((p) => p.headingLevel === 1).length === 1 ? first : undefined;
}

export function splitArticles(paragraphs: RawParagraph[], fallbackTitle: string): RawArticle[] {
  const named = documentHeading(paragraphs);
  const articles: RawArticle[] = [];
  let firstHeadline: RawParagraph | undefined;
  let i = 0;
  let section: string | undefined;
  while (i < paragraphs.length) {
    let j = i;
    while (j < paragraphs.length && paragraphs[j].kind !== 'body') j++;
    const run = paragraphs.slice(i, j);
    // The headline is shown as the article's title, so it is not repeated as a paragraph.
    let headline: RawParagraph | undefined;
    if (run.length > 0 && opensArticle(run, paragraphs[j], articles.length === 0)) {
      headline = pickHeadline(run);
      firstHeadline ??= headline;
      // A `##` part of a document with a `#` title reads "document › part", in the page and in matching.
      const title = named && headline?.headingLevel === 2 ? `${named.text} › ${headline.text}` : (headline?.text ?? fallbackTitle);
      articles.push({ title, paragraphs: [] });
      section = undefined;
    } else if (articles.length === 0) {
      articles.push({ title: fallbackTitle, paragraphs: [] });
    }
    const current = articles[articles.length - 1];
    for (const p of run) {
      // The document's own `#` heading is its title, not a paragraph of its first part.
      if (p === headline || (p === named && headline?.headingLevel === 2)) continue;
      if (p.kind === 'heading' && current.paragraphs.some((x) => x.paragraph.kind === 'body')) section = p.text;
      current.paragraphs.push({ paragraph: p, section });
    }
    if (j < paragraphs.length) current.paragraphs.push({ paragraph: paragraphs[j], section });
    i = j + 1;
  }
  // A file that is nothing but a headline (`停水通知`) is its own text, not an empty document.
  if (firstHeadline && articles.every((a) => a.paragraphs.length === 0)) articles[0].paragraphs.push({ paragraph: firstHeadline });
  return articles;
}
