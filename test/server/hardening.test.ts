// What a user or a script may throw at the server: every bad input gets a clear 4xx and changes
// nothing; odd but valid questions get a normal answer or answer: null, never an error.
import { serve } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/engine/answer-engine.js';
import { QueryVectorCache } from '../../src/search/embed/query-vector-cache.js';
import { createApp } from '../../src/server/app.js';
import { MAX_BODY_BYTES } from '../../src/server/body-size.js';
import { answerClientErrors } from '../../src/server/client-errors.js';
import { openSeedEngine } from '../support/engines.js';

const indexDir = mkdtempSync(join(tmpdir(), 'xunyuan-hardening-'));
let engine: AnswerEngine;
const app = createApp(() => engine);
const json = { 'content-type': 'application/json' };
const ask = (body: unknown) => app.request('/api/ask', { method: 'POST', headers: json, body: JSON.stringify(body) });

async function expectError(res: Response, status: number, code?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = await res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error.message).toBe('string');
  if (code) expect(body.error.code).toBe(code);
  expect(JSON.stringify(body)).not.toMatch(/\bat .*:\d+:\d+|node_modules|\.ts\b/);
}

beforeAll(async () => {
  engine = await openSeedEngine();
});
afterAll(() => rmSync(indexDir, { recursive: true, force: true }));

describe('bad input to /api/ask', () => {
  it('answers each with its status and a JSON error body', async () => {
    await expectError(await ask({}), 400, 'invalid_request');
    await expectError(await ask({ question: '' }), 400, 'invalid_request');
    await expectError(await ask({ question: ' \t\n ' }), 400, 'invalid_request');
    await expectError(await ask({ question: 42 }), 400, 'invalid_request');
    await expectError(await ask({ question: '邯'.repeat(501) }), 400, 'invalid_request');
    for (const topK of [0, 21, -1, 1.5, '5', null]) await expectError(await ask({ question: '邯郸', topK }), 400, 'invalid_request');
    await expectError(await ask({ question: '邯郸', docId: 'no-such-document' }), 404, 'unknown_document');
    await expectError(await app.request('/api/ask', { method: 'POST', headers: json, body: '{"question": "邯郸"' }), 400);
    await expectError(await app.request('/api/ask', { method: 'POST', headers: json, body: '' }), 400);
    await expectError(await app.request('/api/ask', { method: 'POST', body: 'question=邯郸', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
    await expectError(await app.request('/api/ask', { method: 'POST', body: '{"question":"邯郸"}' }), 415);
    const big = JSON.stringify({ question: '邯郸', pad: 'x'.repeat(MAX_BODY_BYTES) });
    await expectError(await app.request('/api/ask', { method: 'POST', headers: json, body: big }), 413, 'payload_too_large');
    await expectError(await app.request('/api/ask?q=%20&topK=3'), 400);
    await expectError(await app.request('/api/ask?q=邯郸&topK=abc'), 400);
  });

  it('a refused request changes nothing: the same question answers the same afterwards', async () => {
    const before = await (await ask({ question: '磁县推广种植了多少亩生姜?' })).json();
    await ask({ question: '', topK: 99 });
    await app.request('/ask', { method: 'POST', body: 'x'.repeat(MAX_BODY_BYTES + 10), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const after = await (await ask({ question: '磁县推广种植了多少亩生姜?' })).json();
    expect(after.answer).toEqual(before.answer);
    expect(after.passages.map((p: { id: string }) => p.id)).toEqual(before.passages.map((p: { id: string }) => p.id));
  });
});

describe('odd but valid questions', () => {
  const odd = [
    '？！。，、；：',
    '😀🎉👍',
    '-'.repeat(33),
    '一一十一十二一十三一十四一十五一十六',
    '１２３４５６７８９０',
    'What is the total investment of the hospital?',
    '邯鄲職教城二期項目總投資多少？',
    '冀南新区hospital投资how much？',
    'a\u0000b\u0007c\u001b[31m',
    'lone \ud800 surrogate \udfff',
    '<img src=x onerror=alert(1)>',
    '\u200b\u200d\ufeff',
  ];
  it('get 200 with the usual shape, an answer or answer null', async () => {
    for (const question of odd) {
      const res = await ask({ question });
      expect(res.status, JSON.stringify(question)).toBe(200);
      const body = await res.json();
      expect(body.answer === null || typeof body.answer.text === 'string').toBe(true);
      expect(Array.isArray(body.passages)).toBe(true);
      const get = await app.request(`/api/ask?q=${encodeURIComponent(question.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, ""))}`);
      expect(get.status, JSON.stringify(question)).toBe(200);
    }
  });

  it('the traditional-only question finds the same passage as its simplified form', async () => {
    const trad = await (await ask({ question: '邯鄲職教城二期項目總投資多少？' })).json();
    expect(trad.passages[0].text).toContain('66.5亿元');
  });
});

describe('paths', () => {
  it('never reads outside the corpus and answers 404', async () => {
    for (const path of ['/docs/..%2F..%2Fetc%2Fpasswd', '/docs/%2e%2e%2f%2e%2e%2fpackage.json', '/docs/abc%00def', '/docs/' + 'a'.repeat(5000), '/assets/..%2F..%2Fpackage.json', '/assets/%00']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toContain('"dependencies"');
    }
    await expectError(await app.request('/api/documents/..%2F..%2Fetc%2Fpasswd'), 404);
    await expectError(await app.request('/api/documents/' + 'a'.repeat(5000)), 404);
  });

  it('unknown routes: JSON 404 under /api, an HTML page elsewhere', async () => {
    await expectError(await app.request('/api/nothing/here'), 404, 'not_found');
    const page = await app.request('/nothing/here');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('找不到这个页面');
  });
});

describe('the chat form', () => {
  const form = (fields: Record<string, string>, htmx = false) =>
    app.request('/ask', {
      method: 'POST',
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(htmx ? { 'hx-request': 'true' } : {}) },
    });

  it('refuses an empty or over-long question with a message, and keeps the conversation', async () => {
    const empty = await form({ question: '  ', h: '邯郸' });
    expect(empty.status).toBe(400);
    const page = await empty.text();
    expect(page).toContain('请先输入问题');
    expect(page).toContain('name="h" value="邯郸"');
    const long = await form({ question: '问'.repeat(501) }, true);
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('问题太长了');
  });

  it('ignores an unknown document filter instead of failing', async () => {
    const res = await form({ question: '邯郸', docId: '../../etc/passwd' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).not.toContain('doc=');
  });
});

describe('the Host header (DNS rebinding)', () => {
  const withHost = (host: string, target = app) => target.request('/api/documents', { headers: { host } });

  it('refuses a name the server is not known by, and serves loopback names and IP addresses', async () => {
    const refused = await withHost('attacker.example');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/ALLOWED_HOSTS=attacker\.example/);
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', '192.168.1.20', 'app.localhost']) expect((await withHost(host)).status, host).toBe(200);
  });

  it('serves the names it is configured with', async () => {
    const named = createApp(() => engine, { host: 'docs.lan', publicUrl: 'https://qa.example.org', allowedHosts: ['intranet'] });
    for (const host of ['docs.lan:3000', 'qa.example.org', 'INTRANET']) expect((await withHost(host, named)).status, host).toBe(200);
    expect((await withHost('attacker.example', named)).status).toBe(403);
  });
});

describe('a URL with raw UTF-8, as curl sends it unencoded', () => {
  it('gets a 400 with a JSON body saying how to send it', async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    answerClientErrors(server);
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(Buffer.from('GET /api/ask?q=磁县推广种植了多少亩生姜 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')));
      let data = '';
      socket.on('data', (d) => (data += d));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    server.close();
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    const body = JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4));
    expect(body.error.message).toMatch(/--data-urlencode/);
  });
});

describe('security headers', () => {
  it('every page carries a CSP without inline script, nosniff, a referrer policy and no framing', async () => {
    for (const path of ['/', '/docs', '/api/documents', '/nothing']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
  });

  it('the page references only its own assets', async () => {
    const html = await (await app.request('/')).text();
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/);
    expect((await app.request('/assets/htmx.min.js')).status).toBe(200);
  });
});

describe('query vector cache', () => {
  it('embeds a repeated question once and stays within its bound', async () => {
    const cache = new QueryVectorCache(2);
    let calls = 0;
    const embed = async (q: string) => {
      calls++;
      return [q.length];
    };
    await cache.get('a', embed);
    await cache.get('a', embed);
    expect(calls).toBe(1);
    await cache.get('b', embed);
    await cache.get('a', embed);
    await cache.get('c', embed);
    expect(cache.size).toBe(2);
    await cache.get('a', embed);
    expect(calls).toBe(3);
    await cache.get('b', embed);
    expect(calls).toBe(4);
  });
});
