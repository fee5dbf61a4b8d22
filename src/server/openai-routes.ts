// OpenAI-compatible chat: GET /v1/models and POST /v1/chat/completions, so any chat client that
// speaks to OpenAI can ask xunyuan. The last user message is the question, the user messages before
// it are the conversation (read as the chat page reads follow-ups); the reply is Markdown with numbered
// sources, and the full /api/ask result rides along in `xunyuan`.
import { randomUUID } from 'node:crypto';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { answerMarkdown } from '../chat/answer-markdown.js';
import { cleanHistory, contextOf } from '../chat/conversation.js';
import type { AskResult } from '../search/answer/compose-answer.js';
import { describeInvalid } from './api-error.js';
import { QuestionSchema } from '../contract/api-schemas.js';
import { withEngine, type EngineEnv, type EngineSource } from '../contract/engine-source.js';
import { bodySizeLimit, CHAT_BODY_BYTES } from './body-size.js';
import { requireApiToken } from './bearer-tokens.js';
import { openaiError, openaiErrorBody } from './openai-error.js';
import { ownErrors } from './surface-errors.js';
import { ChatCompletionSchema, ChatRequestSchema, MODEL_ID, ModelListSchema, OpenAIErrorSchema, type ChatMessage } from './openai-schemas.js';

const error = (description: string) => ({ content: { 'application/json': { schema: OpenAIErrorSchema } }, description });

const listModels = createRoute({
  method: 'get',
  path: '/models',
  summary: 'The model to name in chat requests (OpenAI-compatible)',
  responses: { 200: { content: { 'application/json': { schema: ModelListSchema } }, description: 'One model, xunyuan' } },
});

const chatCompletions = createRoute({
  method: 'post',
  path: '/chat/completions',
  summary: 'Ask in a chat (OpenAI-compatible Chat Completions)',
  description: 'The last user message is the question; earlier user messages are its conversation. With `stream: true` the reply is server-sent chat.completion.chunk events ending with `data: [DONE]`.',
  request: { body: { content: { 'application/json': { schema: ChatRequestSchema } }, required: true } },
  responses: {
    200: {
      content: { 'application/json': { schema: ChatCompletionSchema }, 'text/event-stream': { schema: { type: 'string' } } },
      description: 'The answer as Markdown with numbered sources',
    },
    400: error('Invalid request'),
    401: error('Missing or wrong API token'),
    503: error('Index still loading'),
  },
});

/** The text of a message: a string, or the text parts of a list of parts. */
const textOf = (m: ChatMessage) =>
  typeof m.content === 'string' ? m.content : (m.content ?? []).map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('');

/** The question and the conversation before it, or what is wrong with the request. */
function readChat(messages: ChatMessage[]): { question: string; context?: string } | { problem: string } {
  const asked = messages.filter((m) => m.role === 'user').map(textOf);
  if (asked.length === 0) return { problem: 'messages must hold a user message: its text is the question' };
  const question = QuestionSchema.safeParse(asked.at(-1));
  if (!question.success) return { problem: `messages: the last user message: ${describeInvalid(question.error)}` };
  return { question: question.data, context: contextOf(cleanHistory(asked.slice(0, -1))) };
}

/** The reply's content in pieces for streaming: a paragraph at a time, as a generating model would send it. */
const pieces = (content: string) => content.split(/(?<=\n\n)/);

export function openaiRoutes(getEngine: EngineSource, options: { apiToken?: string; host: string; publicUrl?: string }) {
  const v1 = new OpenAPIHono<EngineEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return openaiError(c, 400, 'invalid_request', describeInvalid(result.error));
    },
  });
  // This surface's own limits and errors, all in OpenAI's shape.
  v1.use('*', bodySizeLimit(CHAT_BODY_BYTES, openaiError), requireApiToken(options.apiToken, options.host, openaiErrorBody));

  v1.openapi(listModels, (c) => c.json({ object: 'list' as const, data: [{ id: MODEL_ID, object: 'model' as const, created: 0, owned_by: 'xunyuan' }] }, 200));

  v1.use('/chat/*', withEngine(getEngine, (c) => openaiError(c, 503, 'index_loading', 'the index is still loading; try again in a moment')));

  v1.openapi(chatCompletions, async (c) => {
    const body = c.req.valid('json');
    const read = readChat(body.messages);
    if ('problem' in read) return openaiError(c, 400, 'invalid_request', read.problem);
    const engine = c.var.engine;
    const result: AskResult = await engine.ask(read);
    // Links are absolute, so they open from a desktop client: PUBLIC_URL, else this request's own origin.
    const content = answerMarkdown(engine, result, options.publicUrl ?? new URL(c.req.url).origin);
    const head = { id: `chatcmpl-${randomUUID()}`, created: Math.floor(Date.now() / 1000), model: MODEL_ID };
    const prompt = body.messages.reduce((n, m) => n + textOf(m).length, 0);
    const usage = { prompt_tokens: prompt, completion_tokens: content.length, total_tokens: prompt + content.length };
    if (!body.stream) {
      return c.json({ ...head, object: 'chat.completion' as const, choices: [{ index: 0, message: { role: 'assistant' as const, content }, finish_reason: 'stop' as const }], usage, xunyuan: result }, 200);
    }
    return streamSSE(c, async (stream) => {
      const chunk = (delta: object, finish: 'stop' | null, extra: object = {}) =>
        stream.writeSSE({ data: JSON.stringify({ ...head, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }], ...extra }) });
      await chunk({ role: 'assistant', content: '' }, null);
      for (const piece of pieces(content)) await chunk({ content: piece }, null);
      await chunk({}, 'stop', { usage, xunyuan: result });
      await stream.writeSSE({ data: '[DONE]' });
    });
  });

  ownErrors(v1, openaiError, '*');
  return v1;
}
