// One turn of the conversation: the question as a bubble, and under it the answer card (the best
// sentence with its source, then the other ranked passages), or a plain "not found" with what to try.
import type { Citation } from '../src/chat/citation.js';
import type { AskResult, Offsets, PassageResult } from '../src/search/answer/compose-answer.js';
import { MarkedText, spansWithin } from './marked-text.js';
import { ExampleList } from './example-list.js';

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

function SourceLine(props: { cite: Citation }) {
  const { cite } = props;
  return (
    <p class="source">
      <span>《{cite.documentTitle}》</span>
      {cite.articleTitle !== cite.documentTitle ? <span> · {cite.articleTitle}</span> : ''}
      {cite.paragraphLabel ? <span> · {cite.paragraphLabel}</span> : ''}
      <a class="cite" href={cite.href}>
        查看原文
      </a>
    </p>
  );
}

function PassageItem(props: { p: PassageResult; cite: Citation; rank: number }) {
  const { p, cite, rank } = props;
  const percent = Math.round(Math.max(0, Math.min(1, p.score)) * 100);
  return (
    <li class="passage">
      <Excerpt p={p} />
      <div class="relevance">
        <label for={`rel-${p.id}-${rank}`}>相关度</label>
        <meter id={`rel-${p.id}-${rank}`} min={0} max={100} low={40} high={60} optimum={100} value={percent}>
          {percent}%
        </meter>
      </div>
      <SourceLine cite={cite} />
    </li>
  );
}

export function TurnView(props: { question: string; result: AskResult; cite: (p: PassageResult) => Citation; examples: string[] }) {
  const { question, result, cite, examples } = props;
  const [top, ...rest] = result.passages;
  const answered = result.answer !== null && top !== undefined;
  return (
    <article class="turn">
      <div class="bubble" role="heading" aria-level={2}>
        <span class="visually-hidden">问：</span>
        {question}
      </div>
      {result.followUpOf ? <p class="read-as">接着上一问理解：{result.followUpOf}</p> : ''}
      <section class={answered ? 'card' : 'card no-answer'} aria-label="回答">
        {answered ? (
          <>
            <blockquote class="answer-quote">
              <AnswerText top={top} phrase={result.answer?.phrase} />
            </blockquote>
            <SourceLine cite={cite(top)} />
            {rest.length > 0 ? (
              <>
                <h3>其他相关段落</h3>
                <ol class="passages">
                  {rest.map((p, i) => (
                    <PassageItem p={p} cite={cite(p)} rank={i + 2} />
                  ))}
                </ol>
              </>
            ) : (
              ''
            )}
          </>
        ) : (
          <>
            <p class="nothing">{result.message ?? '没有在文档中找到相关内容'}。</p>
            <p>可以换个说法、用文档里的词再问一次，试试下面的问题，或者<a href="/docs">浏览全部文档</a>。</p>
            <ExampleList examples={examples.slice(0, 3)} />
            {result.passages.length > 0 ? (
              <details>
                <summary>看看最接近的段落（相关度较低）</summary>
                <ol class="passages">
                  {result.passages.map((p, i) => (
                    <PassageItem p={p} cite={cite(p)} rank={i + 1} />
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
