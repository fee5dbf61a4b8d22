// An answer as Markdown for chat clients and AI assistants: the answer sentence with its phrase in
// bold and a citation marker, then the numbered sources, each with its quote and a link to its
// paragraph. Links are absolute when the server knows its public address.
import type { AnswerEngine } from '../engine/answer-engine.js';
import type { AskResult, Offsets, PassageResult } from '../search/answer/compose-answer.js';
import { overviewLabel, type DocumentOverview } from '../search/answer/overview.js';
import { citationOf, citationText } from './citation.js';

/** Markdown's own marks in document text would turn into formatting; escape them. */
const escape = (text: string) => text.replace(/[\\`*_[\]<>#|~]/g, (ch) => `\\${ch}`);

const withPhrase = (text: string, phrase: Offsets | undefined) =>
  phrase ? `${escape(text.slice(0, phrase.start))}**${escape(text.slice(phrase.start, phrase.end))}**${escape(text.slice(phrase.end))}` : escape(text);

/** `href` is a root-relative link (`/docs/…`); a public URL may carry a path of its own (behind a proxy). */
export const absoluteUrl = (href: string, publicUrl: string | undefined) => (publicUrl ? `${publicUrl}${href}` : href);

function sourceLine(engine: AnswerEngine, p: PassageResult, n: number, publicUrl: string | undefined): string {
  const cite = citationOf(engine, p);
  const quote = p.text.slice(p.quote.start, p.quote.end);
  const copies = p.alsoIn?.length ? `\n   同样的内容也见于：${p.alsoIn.map((c) => `[《${escape(c.title)}》](${absoluteUrl(c.url, publicUrl)})`).join('、')}` : '';
  return `${n}. [${escape(citationText(cite))}](${absoluteUrl(cite.href, publicUrl)})\n   > ${escape(quote)}${copies}`;
}

/** The passages as a numbered Markdown list: where each is from, linked, and its quote. */
export const sourcesMarkdown = (engine: AnswerEngine, passages: PassageResult[], publicUrl?: string) =>
  passages.map((p, i) => sourceLine(engine, p, i + 1, publicUrl)).join('\n');

/** A broad question's answer: the documents, each with its articles, linked. */
const overviewMarkdown = (overview: DocumentOverview[], publicUrl: string | undefined) =>
  overview
    .map((d) => [`- [${escape(overviewLabel(d))}](${absoluteUrl(d.url, publicUrl)})`, ...d.articles.map((a) => `  - [${escape(a.title)}](${absoluteUrl(a.url, publicUrl)})`)].join('\n'))
    .join('\n');

export function answerMarkdown(engine: AnswerEngine, result: AskResult, publicUrl?: string): string {
  if (result.overview) return `${result.message ?? ''}：\n\n${overviewMarkdown(result.overview, publicUrl)}`;
  const sources = sourcesMarkdown(engine, result.passages, publicUrl);
  if (!result.answer) {
    const closest = sources ? `\n\n最接近的来源：\n\n${sources}` : '';
    return `${result.message ?? ''}。${closest}`;
  }
  const cited = result.passages.findIndex((p) => p.id === result.answer!.passageId) + 1;
  return `${withPhrase(result.answer.text, result.answer.phrase)}${cited ? ` [${cited}]` : ''}\n\n来源：\n\n${sources}`;
}
