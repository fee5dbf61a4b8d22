// The OpenAI-compatible chat API, driven by the official `openai` client against a real server on
// the seeds: models, plain and streamed completions, a follow-up, an off-topic question, bad requests,
// absolute links (from PUBLIC_URL or the request's origin), usage in characters, and API_TOKEN beyond loopback.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/engine/answer-engine.js';
import type { AskResult } from '../../src/search/answer/compose-answer.js';
import { createApp, type AppOptions } from '../../src/server/app.js';
import { openSeedEngine } from '../support/engines.js';

const QUESTION = '冀南新区人民医院项目总投资多少?';
const TOKEN = 'test-api-token-0123456789';

let engine: AnswerEngine;
const servers: ServerType[] = [];

/** A real server on a free port with these options, and its base URL. */
async function start(options: AppOptions = {}): Promise<string> {
  const server = serve({ fetch: createApp(() => engine, options).fetch, port: 0, hostname: '127.0.0.1' });
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const client = (base: string, apiKey = 'unused') => new OpenAI({ baseURL: `${base}/v1`, apiKey, maxRetries: 0 });
const resultOf = (completion: object) => (completion as { xunyuan: AskResult }).xunyuan;

beforeAll(async () => {
  engine = await openSeedEngine();
});
afterAll(() => servers.forEach((s) => s.close()));

describe('the OpenAI-compatible API', () => {
  let openai: OpenAI;
  let base: string;
  beforeAll(async () => {
    base = await start();
    openai = client(base);
  });

  it('lists one model, xunyuan', async () => {
    const models = await openai.models.list();
    expect(models.data.map((m) => m.id)).toEqual(['xunyuan']);
  });

  it('answers with the phrase in bold, a citation marker and linked sources, the full result alongside', async () => {
    const completion = await openai.chat.completions.create({ model: 'xunyuan', messages: [{ role: 'user', content: QUESTION }], temperature: 0.7 });
    const content = completion.choices[0].message.content!;
    expect(completion.choices[0].finish_reason).toBe('stop');
    expect(content).toMatch(/\*\*4\.33亿元\*\*.*\[1\]/);
    // Without PUBLIC_URL the links are absolute from the request's own origin: a desktop client can open them.
    expect(content).toMatch(new RegExp(`来源：\\n\\n1\\. \\[《[^》]+》[^\\]]*第\\d+段\\]\\(${base.replace(/\./g, '\\.')}\\/docs\\/[^)]+\\?p=p\\d+&s=\\d+&e=\\d+#p\\d+\\)\\n {3}> `));
    // Usage counted in characters (no model here has tokens).
    expect(completion.usage).toEqual({ prompt_tokens: QUESTION.length, completion_tokens: content.length, total_tokens: QUESTION.length + content.length });
    const result = resultOf(completion);
    expect(result.answer!.text).toContain('4.33亿元');
    expect(result.passages[0].quote.end).toBeGreaterThan(result.passages[0].quote.start);
  });

  it('streams the same reply as chunks ending in [DONE]', async () => {
    const plain = await openai.chat.completions.create({ model: 'xunyuan', messages: [{ role: 'user', content: QUESTION }] });
    const stream = await openai.chat.completions.create({ model: 'xunyuan', messages: [{ role: 'user', content: QUESTION }], stream: true });
    let text = '';
    const finishes: (string | null)[] = [];
    let last: object | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      finishes.push(chunk.choices[0]?.finish_reason ?? null);
      last = chunk;
    }
    expect(text).toBe(plain.choices[0].message.content);
    expect(finishes.at(-1)).toBe('stop');
    expect(resultOf(last!).answer!.text).toContain('4.33亿元');
    const raw = await fetch(`${base}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: QUESTION }], stream: true }),
    });
    expect(raw.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect((await raw.text()).trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('reads a short question as a follow-up of the previous user message', async () => {
    const completion = await openai.chat.completions.create({
      model: 'xunyuan',
      messages: [
        { role: 'system', content: 'You are helpful.' },
        { role: 'user', content: '冀南新区人民医院投资多少?' },
        { role: 'assistant', content: '总投资4.33亿元 [1]' },
        { role: 'user', content: [{ type: 'text', text: '那第一中学呢?' }] },
      ],
    });
    expect(resultOf(completion).followUpOf).toBe('冀南新区人民医院投资多少?');
  });

  it('answers a broad question with the documents and their articles as a linked list', async () => {
    const completion = await openai.chat.completions.create({ model: 'xunyuan', messages: [{ role: 'user', content: '这几篇报道讲了什么?' }] });
    const content = completion.choices[0].message.content!;
    const docs = `${base.replace(/\./g, '\\.')}\\/docs\\/`;
    expect(content.match(new RegExp(`^- \\[《[^》]+》\\]\\(${docs}[^)]+\\)$`, 'gm'))).toHaveLength(5);
    expect(content).toMatch(new RegExp(`^ {2}- \\[磁县推广生姜种植带动农民增收\\]\\(${docs}[^)]+#a\\d+\\)$`, 'm'));
  });

  it('says it found nothing for an off-topic question', async () => {
    const completion = await openai.chat.completions.create({ model: 'xunyuan', messages: [{ role: 'user', content: '今天天气怎么样?' }] });
    expect(completion.choices[0].message.content).toMatch(/^没有在文档中找到相关内容/);
    expect(resultOf(completion).answer).toBeNull();
  });

  it('refuses bad requests with 400 in the OpenAI error shape', async () => {
    const refusals = [
      openai.chat.completions.create({ model: 'xunyuan', messages: [] }),
      openai.chat.completions.create({ model: 'xunyuan', messages: [{ role: 'system', content: 'only a system prompt' }] }),
      openai.chat.completions.create({ model: 'xunyuan', messages: [{ role: 'user', content: '问'.repeat(501) }] }),
    ];
    for (const refusal of refusals) {
      const err = await refusal.then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(OpenAI.BadRequestError);
      expect((err as InstanceType<typeof OpenAI.BadRequestError>).type).toBe('invalid_request_error');
    }
    const broken = await fetch(`${base}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"messages": [' });
    expect(broken.status).toBe(400);
    const body = await broken.json();
    expect(body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_request' });
    expect(body.error.message).not.toMatch(/at .+\.js/);
  });

  it('lists the /v1 routes in the OpenAPI document', async () => {
    const doc = await (await fetch(`${base}/api/openapi.json`)).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/ask', '/v1/models', '/v1/chat/completions']));
  });
});

describe('links and access', () => {
  it('makes source links absolute when PUBLIC_URL is set', async () => {
    const openai = client(await start({ publicUrl: 'https://docs.example.org/xunyuan' }));
    const completion = await openai.chat.completions.create({ model: 'xunyuan', messages: [{ role: 'user', content: QUESTION }] });
    expect(completion.choices[0].message.content).toContain('](https://docs.example.org/xunyuan/docs/');
  });

  it('requires API_TOKEN beyond loopback, and only there', async () => {
    const exposed = await start({ host: '0.0.0.0', apiToken: TOKEN });
    const err = await client(exposed, 'wrong-token-0123456789').models.list().then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((await client(exposed, TOKEN).models.list()).data[0].id).toBe('xunyuan');
    const ask = await fetch(`${exposed}/api/ask?q=${encodeURIComponent(QUESTION)}`);
    expect(ask.status).toBe(401);
    const local = await start({ host: '127.0.0.1', apiToken: TOKEN });
    expect((await fetch(`${local}/api/ask?q=${encodeURIComponent(QUESTION)}`)).status).toBe(200);
  });
});
