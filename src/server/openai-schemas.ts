// The slice of OpenAI's Chat Completions shapes that xunyuan speaks: enough for chat clients
// (Cherry Studio, Open WebUI, Chatbox, LobeChat) and the official client libraries. Fields a client
// sends that xunyuan has no use for (temperature, max_tokens, tools…) are accepted and ignored.
import { z } from '@hono/zod-openapi';
import { AskResponseSchema } from '../contract/api-schemas.js';

/** The one model this server offers. */
export const MODEL_ID = 'xunyuan';

const ContentPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });

const ChatMessageSchema = z.looseObject({
  role: z.string().openapi({ example: 'user' }),
  content: z.union([z.string(), z.array(ContentPartSchema)]).nullable().optional(),
});

export const ChatRequestSchema = z
  .looseObject({
    model: z.string().optional().openapi({ example: MODEL_ID }),
    messages: z.array(ChatMessageSchema).min(1, 'messages must hold at least one message'),
    stream: z.boolean().optional().openapi({ description: 'Answer as server-sent events (chat.completion.chunk), ending with `data: [DONE]`.' }),
  })
  .openapi('ChatCompletionRequest');

export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** No model here has tokens: usage counts characters (of the messages' text, and of the reply), so a client's totals stay meaningful. */
export const UsageSchema = z
  .object({ prompt_tokens: z.number().int(), completion_tokens: z.number().int(), total_tokens: z.number().int() })
  .openapi({ description: 'Counted in characters, not tokens: xunyuan runs no language model.' });

export const ChatCompletionSchema = z
  .object({
    id: z.string(),
    object: z.literal('chat.completion'),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number().int(),
        message: z.object({ role: z.literal('assistant'), content: z.string() }),
        finish_reason: z.literal('stop'),
      }),
    ),
    usage: UsageSchema,
    xunyuan: AskResponseSchema.openapi({ description: 'The full /api/ask result: offsets, scores and links for programs.' }),
  })
  .openapi('ChatCompletion');

export const ModelListSchema = z
  .object({
    object: z.literal('list'),
    data: z.array(z.object({ id: z.string(), object: z.literal('model'), created: z.number().int(), owned_by: z.string() })),
  })
  .openapi('ModelList');

export const OpenAIErrorSchema = z
  .object({ error: z.object({ message: z.string(), type: z.string(), code: z.string() }) })
  .openapi('OpenAIError');
