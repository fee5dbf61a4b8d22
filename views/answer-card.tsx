// One turn of the conversation: the question as a bubble, and under it the answer card (the best
// sentence with its source, then the other ranked passages), or a plain "not found" with what to try.
import { citationText, type Citation } from '../src/chat/citation.js';
import type { AskResult, Offsets, PassageResult } from '../src/search/answer/compose-answer.js';
import { overviewLabel, type DocumentOverview } from '../src/search/answer/overview.js';
import { MarkedText, spansWithin } from './marked-text.js';
import { ExampleList } from './example-list.js';
import { DOCS_URL, documentUrl, folderUrl } from '../src/urls.js';
import { ALL_DOCUMENTS } from '../src/chat/scope-picker.js';
import type { Scope } from '../src/engine/scope.js';
import { describeScores } from '../src/chat/score-parts.js';

const EXCERPT_CONTEXT = 40;
const EXCERPT_MAX = 160;

function Excerpt(props: { p: PassageResult }) {
  const { p } = props;
  const start = Math.max(0, p.quote.start - EXCERPT_CONTEXT);
  const end = Math.min(p.text.length, Math.max(p.quote.end + EXCERPT_CONTEXT, start + EXCERPT_MAX), start + EXCERPT_MAX);
  return (
    <p class="excerpt">
      {start > 0 ? '…' : ''}
      <MarkedText text={p.text.slice(start, end)} marks={spansWithin(p.highlights, start, end)} />
      {end < p.text.length ? '…' : ''}
    </p>
  );
}

/**
 * The answer sentence with the question's words marked, and the words that answer it (the figure,
 * date, name or place) in bold.
 */
function AnswerText(props: { top: PassageResult; phrase?: Offsets }) {
  const { top, phrase } = props;
  const marked = (from: number, to: number) => (
    <MarkedText text={top.text.slice(top.quote.start + from, top.quote.start + to)} marks={spansWithin(top.highlights, top.quote.start + from, top.quote.start + to)} />
  );
  const length = top.quote.end - top.quote.start;
  if (!phrase) return marked(0, length);
  return (
    <>
      {marked(0, phrase.start)}
      <strong class="answer-phrase">{marked(phrase.start, phrase.end)}</strong>
      {marked(phrase.end, length)}
    </>
  );
}

/** The answer and where it is from as plain text, for the clipboard (the page's script adds the link, made absolute). */
const copyText = (answer: string, cite: Citation) => `${answer}\n——${citationText(cite)}`;

/** Hidden until the page's script shows it: without script there is nothing it could do. */
function CopyButton(props: { text: string; href: string }) {
  return (
    <button type="button" class="copy-answer" data-copy={props.text} data-href={props.href} hidden>
      复制答案和出处
    </button>
  );
}

/** Read around the quote without leaving the chat: the paragraph and its neighbours, folded (no script needed). */
function ContextFold(props: { cite: Citation }) {
  const context = props.cite.context;
  if (!context || (!context.before && !context.after && context.paragraph.length < 200)) return '';
  return (
    <details class="context">
      <summary>展开上下文</summary>
      {context.before ? <p class="neighbour">{context.before}</p> : ''}
      <p class="cited-paragraph">{context.paragraph}</p>
      {context.after ? <p class="neighbour">{context.after}</p> : ''}
    </details>
  );
}

/** How a table's highest or lowest was found: by comparing a column's figures, so a reader knows it was computed. */
function ComputedNote(props: { computed: NonNullable<NonNullable<AskResult['answer']>['computed']> }) {
  const { extreme, column, rows } = props.computed;
  return (
    <p class="computed-note">
      比较了表中「{column}」列的 {rows} 行数字，这一行{extreme === 'max' ? '最高' : '最低'}
    </p>
  );
}

/** While a first build embeds: this answer came from keyword search alone, and the full search is coming. */
function IndexingNote(props: { indexing: NonNullable<AskResult['indexing']> }) {
  const { done, total } = props.indexing;
  return (
    <p class="read-as indexing-note" role="status">
      索引还在建立（已计算 {done.toLocaleString('en')} / {total.toLocaleString('en')} 段的向量），这次只按关键词查找；建好后再问，答案会更准。
    </p>
  );
}

function SourceLine(props: { cite: Citation }) {
  const { cite } = props;
  return (
    <>
      <p class="source">
        <span>《{cite.documentTitle}》</span>
        {cite.articleTitle !== cite.documentTitle ? <span> · {cite.articleTitle}</span> : ''}
        {cite.paragraphLabel ? <span> · {cite.paragraphLabel}</span> : ''}
        <a class="cite" href={cite.href}>
          查看原文
          <span class="visually-hidden">
            ：《{cite.documentTitle}》{cite.paragraphLabel ? ` ${cite.paragraphLabel}` : ''}
          </span>
        </a>
      </p>
      <ContextFold cite={cite} />
    </>
  );
}

/**
 * 相关度 高/中/低 from the no-answer rule's confidence (so a masthead or a kicker cannot look 高); the
 * number is there on demand, in the tooltip and for screen readers.
 */
function RelevanceBadge(props: { p: PassageResult }) {
  const { level, confidence } = props.p.relevance;
  const classes = { 高: 'high', 中: 'medium', 低: 'low' } as const;
  return (
    <span class={`relevance ${classes[level]}`} title={`置信度 ${confidence.toFixed(2)}（0–1）；得分 ${describeScores(props.p.scores)}`}>
      相关度 {level}
      <span class="visually-hidden">，置信度 {confidence.toFixed(2)}</span>
    </span>
  );
}

/** The other documents holding a passage word for word, linked: it is listed once. */
function AlsoIn(props: { p: PassageResult }) {
  const copies = props.p.alsoIn ?? [];
  if (copies.length === 0) return <></>;
  return (
    <p class="also-in">
      同样的内容也见于：
      {copies.map((c, i) => (
        <>
          {i > 0 ? '、' : ''}
          <a href={c.url}>《{c.title}》</a>
        </>
      ))}
    </p>
  );
}

function PassageItem(props: { p: PassageResult; cite: Citation }) {
  const { p, cite } = props;
  return (
    <li class="passage">
      <Excerpt p={p} />
      <RelevanceBadge p={p} />
      <SourceLine cite={cite} />
      <AlsoIn p={p} />
    </li>
  );
}

/** A broad question's answer: each document with its articles, linked. */
function OverviewList(props: { overview: DocumentOverview[]; message?: string }) {
  return (
    <>
      <p class="overview-lead">{props.message}：</p>
      <ul class="overview">
        {props.overview.map((d) => (
          <li>
            <a href={d.url}>{overviewLabel(d)}</a>
            {d.articles.length > 1 || d.articles[0]?.title !== d.title ? (
              <ul>
                {d.articles.map((a) => (
                  <li>
                    <a href={a.url}>{a.title}</a>
                  </li>
                ))}
              </ul>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A question asked of one document or folder: what it is called and questions it answers, for the no-answer card. */
export interface ScopeNote {
  scope: Scope;
  kind: 'document' | 'folder';
  label: string;
  examples: string[];
}

/** Asks the question again over every document: the no-answer card's offer after a scoped search. */
function AskEverywhere(props: { question: string }) {
  return (
    <form class="ask-everywhere" method="post" action="/ask" hx-post="/ask" hx-target="#conversation" hx-swap="beforeend" hx-include="#history" hx-sync="#conversation:drop">
      <input type="hidden" name="question" value={props.question} />
      <input type="hidden" name="scope" value={ALL_DOCUMENTS} />
      <button type="submit" class="example">
        在全部文档里再问一次
      </button>
    </form>
  );
}

export function TurnView(props: { question: string; result: AskResult; cite: (p: PassageResult) => Citation; examples: string[]; notice?: string; scope?: ScopeNote }) {
  const { question, result, cite, scope } = props;
  const examples = scope?.examples.length ? scope.examples : props.examples;
  const [top, ...rest] = result.passages;
  const answered = result.answer !== null && top !== undefined;
  return (
    <article class="turn">
      <div class="bubble" role="heading" aria-level={2}>
        <span class="visually-hidden">问：</span>
        {question}
      </div>
      {props.notice ? <p class="read-as history-cut">{props.notice}</p> : ''}
      {result.followUpOf ? <p class="read-as">接着上一问理解：{result.followUpOf}</p> : ''}
      {result.indexing ? <IndexingNote indexing={result.indexing} /> : ''}
      <section class={answered || result.overview ? 'card' : 'card no-answer'}>
        {result.overview ? (
          <OverviewList overview={result.overview} message={result.message} />
        ) : answered ? (
          <>
            <blockquote class="answer-quote">
              <AnswerText top={top} phrase={result.answer?.phrase} />
            </blockquote>
            {result.answer?.computed ? <ComputedNote computed={result.answer.computed} /> : ''}
            <RelevanceBadge p={top} />
            <SourceLine cite={cite(top)} />
            <AlsoIn p={top} />
            <CopyButton text={copyText(top.text.slice(top.quote.start, top.quote.end), cite(top))} href={cite(top).href} />
            {rest.length > 0 ? (
              <>
                <h3>其他相关段落</h3>
                <ol class="passages">
                  {rest.map((p) => (
                    <PassageItem p={p} cite={cite(p)} />
                  ))}
                </ol>
              </>
            ) : (
              ''
            )}
          </>
        ) : (
          <>
            <p class="nothing">
              {scope ? (scope.kind === 'document' ? `只在《${scope.label}》这一篇里查找：` : `只在文件夹「${scope.label}」里查找：`) : ''}
              {result.message ?? '没有在文档中找到相关内容'}。
            </p>
            {scope ? (
              <>
                <p>
                  可以在全部文档里再问一次，试试{scope.kind === 'document' ? '这篇文档' : '这个文件夹'}能回答的问题，或者
                  {scope.scope.docId !== undefined ? <a href={documentUrl(scope.scope.docId)}>阅读这篇全文</a> : <a href={folderUrl(scope.label)}>浏览这个文件夹</a>}。
                </p>
                <AskEverywhere question={props.question} />
              </>
            ) : (
              <p>可以换个说法、用文档里的词再问一次，试试下面的问题，或者<a href={DOCS_URL}>浏览全部文档</a>。</p>
            )}
            <ExampleList examples={examples.slice(0, 3)} scope={scope?.examples.length ? scope.scope : undefined} />
            {result.passages.length > 0 ? (
              <details>
                <summary>看看最接近的段落（相关度较低）</summary>
                <ol class="passages">
                  {result.passages.map((p) => (
                    <PassageItem p={p} cite={cite(p)} />
                  ))}
                </ol>
              </details>
            ) : (
              ''
            )}
          </>
        )}
      </section>
    </article>
  );
}

export function ErrorTurn(props: { question: string; message: string }) {
  return (
    <article class="turn">
      {props.question ? <div class="bubble">{props.question}</div> : ''}
      <section class="card error" role="alert">
        <p>{props.message}</p>
      </section>
    </article>
  );
}
