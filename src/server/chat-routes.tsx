// The chat page: GET / shows a conversation (its questions are in the URL), POST /ask answers one
// more question. With htmx (HX-Request) the answer comes back as one turn to append; without
// JavaScript the browser is redirected to the page of the longer conversation. Both render what
// engine.ask returns, the same call the JSON API makes.
import { Hono, type Context } from 'hono';
import type { AnswerEngine } from '../answer-engine.js';
import { citationOf } from '../chat/citation.js';
import { cleanHistory, contextOf, conversationUrl, MAX_TURNS, replay } from '../chat/conversation.js';
import { exampleQuestions } from '../chat/example-questions.js';
import type { AskResult } from '../search/answer.js';
import { ChatPage, HistoryInputs } from '../../views/chat-page.js';
import { ErrorTurn, TurnView } from '../../views/answer-card.js';
import { LoadingPage } from '../../views/document-page.js';
import { MAX_QUESTION_CHARS } from './api-schemas.js';

const firstString = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');

/** A document filter names a known document, or there is none. */
const knownDocument = (engine: AnswerEngine, id: string | undefined) => (id && engine.document(id) ? id : undefined);

function problemWith(question: string): string | undefined {
  if (question === '') return '请先输入问题。';
  if (question.length > MAX_QUESTION_CHARS) return `问题太长了：最多 ${MAX_QUESTION_CHARS} 个字，现在是 ${question.length} 个。`;
  return undefined;
}

export function chatRoutes(getEngine: () => AnswerEngine | undefined) {
  const app = new Hono();

  const turnOf = (engine: AnswerEngine, examples: string[]) => (question: string, result: AskResult) => (
    <TurnView question={question} result={result} cite={(p) => citationOf(engine, p)} examples={examples} />
  );

  async function page(c: Context, engine: AnswerEngine, history: string[], docId: string | undefined, error?: string) {
    const examples = await exampleQuestions(engine);
    const render = turnOf(engine, examples);
    const turns = (await replay(engine, history, docId)).map((t) => render(t.question, t.result));
    return c.html(
      <ChatPage turns={turns} history={history} examples={examples} documents={engine.documents()} docId={docId} error={error} />,
      error ? 400 : 200,
    );
  }

  app.get('/', async (c) => {
    const engine = getEngine();
    if (!engine) return c.html(<LoadingPage />, 503);
    return page(c, engine, cleanHistory(c.req.queries('h')), knownDocument(engine, c.req.query('doc')));
  });

  app.post('/ask', async (c) => {
    const engine = getEngine();
    if (!engine) return c.html(<LoadingPage />, 503);
    const form = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
    const question = firstString(form.question).trim();
    const history = cleanHistory(form.h);
    const docId = knownDocument(engine, firstString(form.docId));
    const htmx = c.req.header('hx-request') === 'true';
    const problem = problemWith(question);

    if (problem) return htmx ? c.html(<ErrorTurn question={question.slice(0, 80)} message={problem} />, 400) : page(c, engine, history, docId, problem);

    const next = [...history, question].slice(-MAX_TURNS);
    if (!htmx) return c.redirect(conversationUrl(next, docId), 303);

    const result = await engine.ask({ question, docId, context: contextOf(history) });
    c.header('HX-Replace-Url', conversationUrl(next, docId));
    return c.html(
      <>
        {turnOf(engine, await exampleQuestions(engine))(question, result)}
        <hx-partial hx-target="#history" hx-swap="innerHTML">
          <HistoryInputs history={next} />
        </hx-partial>
      </>,
    );
  });

  return app;
}
