// Statute-like documents (laws, regulations, charters, rules): their unit is the article (第十七条),
// and an article's place is its 编 › 章 › 节. Detected from the text: at least three paragraphs open
// with an article number. Each article becomes one paragraph, its clauses and items (款, 项: `（一）…`)
// joined to it, with the article number as the paragraph's section (so `第十九条` is found in the
// passage's heading); each chapter (or section) becomes an article of the document, titled by its path.
import { appendMapped, type MappedText } from './mapped-text.js';
import type { RawParagraph } from './build-paragraphs.js';
import type { RawArticle } from './split-articles.js';

const NUMERAL = '[一二三四五六七八九十百千零〇两0-9]+';

/** `第十七条 …`, `第23条 …`: an article's first line, its number in group 1. */
const ARTICLE = new RegExp(`^(第\\s*${NUMERAL}\\s*条)(?:[\\s　:：]|$)`);

/** `第一编 总则`, `第三章 劳动合同的履行和变更`, `第二节 …`: a level of the statute's structure. */
const PART = new RegExp(`^第\\s*${NUMERAL}\\s*([编章节])(?:[\\s　]|$)`);
const LEVEL: Record<string, number> = { 编: 0, 章: 1, 节: 2 };

/** Paragraphs opening with an article number it takes before a document is read as a statute. */
const MIN_ARTICLES = 3;

export function isStatute(paragraphs: readonly RawParagraph[]): boolean {
  let articles = 0;
  for (const p of paragraphs) if (ARTICLE.test(p.text) && ++articles >= MIN_ARTICLES) return true;
  return false;
}

/** The article number as written, without inner spaces: `第 23 条` → `第23条`. */
export const articleNumber = (text: string) => ARTICLE.exec(text)?.[1].replace(/\s+/g, '');

/**
 * The statute's chapters as articles and its articles as paragraphs. What comes before the first
 * article or part (the title, the dates it was passed, a preamble, a table of contents) is the
 * document's head, an article titled `headTitle`.
 */
export function splitStatute(paragraphs: readonly RawParagraph[], headTitle: string): RawArticle[] {
  const articles: RawArticle[] = [{ title: headTitle, paragraphs: [] }];
  /** The current 编, 章 and 节 headings. */
  const path: (string | undefined)[] = [];
  let current: { paragraph: RawParagraph; section?: string } | undefined;
  for (const p of paragraphs) {
    const part = PART.exec(p.text);
    // A part heading is short; a line that starts so and runs on is text that cites it.
    if (part && p.text.length <= 40) {
      const level = LEVEL[part[1]];
      path.length = level;
      path[level] = p.text;
      articles.push({ title: path.filter(Boolean).join(' › '), paragraphs: [] });
      current = undefined;
      continue;
    }
    const number = articleNumber(p.text);
    if (number) {
      current = { paragraph: { ...p, kind: 'body', text: p.text, map: [...p.map] }, section: number };
      articles[articles.length - 1].paragraphs.push(current);
      continue;
    }
    if (current && p.kind !== 'heading') {
      // A clause or an item of the article before: part of it.
      appendMapped(current.paragraph as MappedText, p);
      continue;
    }
    articles[articles.length - 1].paragraphs.push({ paragraph: p });
  }
  return articles.filter((a, i) => i > 0 || a.paragraphs.length > 0);
}
