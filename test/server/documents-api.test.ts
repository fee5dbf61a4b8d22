// Adding and deleting documents through the API: off without ADMIN_TOKEN, refused without the token,
// and with it an added document is searchable at once and a deleted one is gone. Refusals change nothing.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerEngine } from '../../src/engine/answer-engine.js';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/server/app.js';
import { exampleQuestions } from '../../src/chat/example-questions.js';
import { removeDocument } from '../../src/engine/document-writes.js';
import { lockIndexFolder } from '../../src/search/index/index-lock.js';
import { openEngine } from '../support/engines.js';

const TOKEN = 'test-admin-token-0123456789';
const work = mkdtempSync(join(tmpdir(), 'xunyuan-docs-api-'));
const corpusDir = join(work, 'corpus');
const uploadsDir = join(work, 'uploads');
mkdirSync(corpusDir);
writeFileSync(join(corpusDir, 'hospital.md'), '# 人民医院\n\n总投资4.33亿元的冀南新区人民医院项目即将开工建设。\n');

let engine: AnswerEngine;
const withToken = createApp(() => engine, { adminToken: TOKEN });
const withoutToken = createApp(() => engine);
const auth = { authorization: `Bearer ${TOKEN}` };

function upload(name: string, bytes: Buffer, headers: Record<string, string> = auth, app = withToken) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return app.request('/api/documents', { method: 'POST', headers, body: form });
}

const postJson = (body: unknown, headers: Record<string, string> = auth) =>
  withToken.request('/api/documents', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });

const ask = async (question: string) => (await (await withToken.request(`/api/ask?q=${encodeURIComponent(question)}&topK=3`)).json()).passages[0];
const uploadedFiles = () => readdirSync(uploadsDir, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name).sort();
const listed = async () => (await (await withToken.request('/api/documents')).json()).documents as { id: string; uploaded: boolean }[];

beforeAll(async () => {
  engine = await openEngine({ corpusDir, uploadsDir, indexDir: join(work, 'index') });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('ADMIN_TOKEN', () => {
  it('must be long enough and sendable as a bearer token', () => {
    expect(() => loadConfig([], { ADMIN_TOKEN: 'short' })).toThrow(/at least 12/);
    expect(() => loadConfig([], { ADMIN_TOKEN: '口令口令口令口令口令口令' })).toThrow(/ADMIN_TOKEN/);
    expect(loadConfig([], { ADMIN_TOKEN: TOKEN }).adminToken).toBe(TOKEN);
    expect(loadConfig([], {}).adminToken).toBeUndefined();
  });
});

describe('without ADMIN_TOKEN', () => {
  it('refuses to add or delete, and says how to turn it on', async () => {
    const res = await upload('a.txt', Buffer.from('一句话。'), auth, withoutToken);
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({ code: 'writes_disabled', message: expect.stringContaining('ADMIN_TOKEN') });
    expect((await withoutToken.request('/api/documents/hospital', { method: 'DELETE', headers: auth })).status).toBe(403);
  });
});

describe('with ADMIN_TOKEN', () => {
  it('refuses a missing, malformed or wrong token without touching the folder', async () => {
    for (const headers of [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer wrong-token-000000' }] as Record<string, string>[]) {
      const res = await upload('a.txt', Buffer.from('未授权的上传。'), headers);
      expect([400, 401]).toContain(res.status);
      expect((await res.json()).error.code).toMatch(/unauthorized|invalid_request/);
    }
    expect((await withToken.request('/api/documents/hospital', { method: 'DELETE', headers: { authorization: 'Bearer nope-nope-nope' } })).status).toBe(401);
    expect(readdirSync(work)).not.toContain('uploads');
    expect(engine.documents()).toHaveLength(1);
  });

  it('adds an uploaded GBK file and answers from it at once', async () => {
    const res = await upload('社区 通知.txt', iconv.encode('# 社区义诊\n\n本周六上午九点在滨河社区广场举行义诊活动，共有12名医生参加。\n', 'gbk'));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.document).toMatchObject({ title: '社区义诊', uploaded: true, path: '@uploads/社区 通知.txt' });
    expect(body.report).toMatchObject({ added: 1, changed: 0, removed: 0, unchanged: 1, embedded: body.document.passages });
    const top = await ask('滨河社区义诊有多少名医生参加?');
    expect(top.docId).toBe(body.document.id);
    expect(top.text).toContain('12名医生');
    expect((await listed()).find((d) => d.id === body.document.id)?.uploaded).toBe(true);
  });

  it('adds JSON {title, text} titled as given, and a second upload of the same name keeps both', async () => {
    const first = await postJson({ title: '停水通知', text: '因管道检修，城东片区将于周三停水八小时。' });
    expect(first.status).toBe(201);
    const second = await postJson({ title: '停水通知', text: '城西片区周四停水四小时，请提前储水。' });
    expect(second.status).toBe(201);
    const [a, b] = [(await first.json()).document, (await second.json()).document];
    expect(a.title).toBe('停水通知');
    expect(a.id).not.toBe(b.id);
    expect(uploadedFiles()).toEqual(['停水通知-2.md', '停水通知.md', '社区 通知.txt']);
    expect((await ask('城东片区停水多长时间?')).docId).toBe(a.id);
  });

  it('refuses wrong types, oversized, undecodable and empty files, and bad JSON, with clear errors and nothing written', async () => {
    const before = uploadedFiles();
    const documents = engine.documents().length;
    const cases: [Response | Promise<Response>, number, string][] = [
      [upload('slides.key', Buffer.from('PK')), 415, 'unsupported_file_type'],
      [upload('big.txt', Buffer.from('很长的文本。'.repeat(200_000))), 413, 'payload_too_large'],
      [upload('noise.txt', Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37 + 11) % 256))), 422, 'undecodable'],
      [upload('blank.md', Buffer.from('\n\n   \n')), 422, 'empty_document'],
      [upload('broken.xlsx', Buffer.from('PK\u0003\u0004 not a workbook')), 422, 'undecodable'],
      [upload('locked.xlsx', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504), Buffer.from('EncryptedPackage', 'utf16le')])), 422, 'undecodable'],
      [postJson({ title: '', text: '正文。' }), 400, 'invalid_request'],
      [postJson({ title: '标题' }), 400, 'invalid_request'],
      [withToken.request('/api/documents', { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: '正文' }), 415, 'unsupported_media_type'],
      [withToken.request('/api/documents', { method: 'POST', headers: auth, body: new FormData() }), 400, 'invalid_request'],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect(res.status, code).toBe(status);
      expect((await res.json()).error.code).toBe(code);
    }
    expect(uploadedFiles()).toEqual(before);
    expect(engine.documents()).toHaveLength(documents);
  });

  it('deletes an uploaded document, which is then gone from the folder, the list and the answers', async () => {
    const added = (await (await postJson({ title: '临时公告', text: '图书馆本月二十日闭馆一天进行消防演练。' })).json()).document;
    expect((await ask('图书馆哪天闭馆?')).docId).toBe(added.id);
    const res = await withToken.request(`/api/documents/${added.id}`, { method: 'DELETE', headers: auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ removed: added.id, report: { removed: 1, added: 0, embedded: 0 } });
    expect(uploadedFiles()).not.toContain('临时公告.md');
    expect((await listed()).map((d) => d.id)).not.toContain(added.id);
    expect((await ask('图书馆哪天闭馆?'))?.docId).not.toBe(added.id);
  });

  it('a delete whose re-index fails puts the file back and keeps the document', async () => {
    const added = (await (await postJson({ title: '会议通知', text: '周五下午三点在三楼会议室召开安全生产会议。' })).json()).document;
    const files = uploadedFiles();
    const failing = Object.create(engine) as AnswerEngine;
    failing.refresh = () => Promise.reject(new Error('disk full'));
    await expect(removeDocument(failing, added.id)).rejects.toThrow('disk full');
    expect(uploadedFiles()).toEqual(files);
    expect(engine.document(added.id)).toBeDefined();
    expect((await engine.refresh()).removed).toBe(0);
  });

  it('a delete that cannot re-index (another writer holds the index) is refused with 503 and keeps the file and the document', async () => {
    const added = (await (await postJson({ title: '停水通知', text: '本周三上午八点至十二点，幸福小区停水检修管道。' })).json()).document;
    const files = uploadedFiles();
    const release = lockIndexFolder(join(work, 'index'));
    try {
      const res = await withToken.request(`/api/documents/${added.id}`, { method: 'DELETE', headers: auth });
      expect(res.status).toBe(503);
      expect((await res.json()).error).toMatchObject({ code: 'index_busy', message: expect.stringContaining('nothing was changed') });
    } finally {
      release();
    }
    expect(uploadedFiles()).toEqual(files);
    expect((await ask('幸福小区哪天停水?')).docId).toBe(added.id);
  });

  it('refuses an upload on a full disk with 507, and writes nothing', async () => {
    const files = uploadedFiles();
    const count = (await listed()).length;
    // The upload's temporary file is /dev/full, where every write fails with ENOSPC.
    symlinkSync('/dev/full', join(uploadsDir, `满盘.txt.${process.pid}.tmp`));
    const res = await upload('满盘.txt', Buffer.from('磁盘已满时上传的文件。'));
    expect(res.status).toBe(507);
    expect((await res.json()).error.code).toBe('insufficient_storage');
    expect(uploadedFiles()).toEqual(files);
    expect(readdirSync(uploadsDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect((await listed()).length).toBe(count);
  });

  it('takes the scheme in any case, one file per request, a broken body as 400, and a four-character note as a document', async () => {
    const note = await upload('停水.txt', Buffer.from('明天停水'), { authorization: `bearer ${TOKEN}` });
    expect(note.status).toBe(201);
    expect((await ask('明天停水吗')).docId).toBe((await note.json()).document.id);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from('一。'))]), 'a.txt');
    form.append('file', new Blob([new Uint8Array(Buffer.from('二。'))]), 'b.txt');
    const two = await withToken.request('/api/documents', { method: 'POST', headers: auth, body: form });
    expect(two.status).toBe(400);
    expect((await two.json()).error.message).toMatch(/one file per request/);
    const broken = await withToken.request('/api/documents', { method: 'POST', headers: { ...auth, 'content-type': 'multipart/form-data; boundary=xyz' }, body: 'not multipart at all' });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.message).toMatch(/multipart body could not be read/);
  });

  it('takes names far over 255 bytes, and never gives a deleted document’s id to a new one', async () => {
    const emoji = `${'📄'.repeat(100)}.txt`;
    const chinese = `${'关于进一步加强城市管理工作的通知'.repeat(5)}.txt`;
    for (const [i, name] of [emoji, chinese, chinese].entries()) expect((await upload(name, Buffer.from(`很长的文件名也能上传，第${i + 1}份。`))).status).toBe(201);
    const first = (await (await postJson({ title: '重名文件', text: '第一份重名文件的内容。' })).json()).document;
    expect((await withToken.request(`/api/documents/${first.id}`, { method: 'DELETE', headers: auth })).status).toBe(200);
    const second = (await (await postJson({ title: '重名文件', text: '第二份重名文件的内容。' })).json()).document;
    expect(second.id).not.toBe(first.id);
  });

  it('lists uploads on the documents page, marked, and deletes one there with the admin token', async () => {
    const added = (await (await postJson({ title: '旧通知', text: '本通知已经过期，请以新通知为准。' })).json()).document;
    const listing = await (await withToken.request('/docs')).text();
    expect(listing).toContain('class="uploaded-tag"');
    expect(listing).toContain(`action="/docs/${added.id}/delete"`);
    expect(await (await withoutToken.request('/docs')).text()).not.toContain('delete-document');
    const remove = (token: string) =>
      withToken.request(`/docs/${added.id}/delete`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }) });
    const wrong = await remove('not-the-token-1234');
    expect(wrong.status).toBe(401);
    expect(engine.document(added.id)).toBeDefined();
    const done = await remove(TOKEN);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/docs?removed=${encodeURIComponent('旧通知')}`);
    expect(engine.document(added.id)).toBeUndefined();
    expect(await (await withToken.request(done.headers.get('location')!)).text()).toContain('已删除：旧通知');
  });

  it('answers the same file sent twice with the document already there, writing nothing', async () => {
    const bytes = Buffer.from('# 供暖通知\n\n今年供暖从11月15日开始。\n');
    const first = await upload('供暖通知.md', bytes);
    expect(first.status).toBe(201);
    const files = uploadedFiles();
    const again = await upload('供暖通知（副本）.md', bytes);
    expect(again.status).toBe(200);
    const body = await again.json();
    expect(body).toMatchObject({ duplicate: true, document: { id: (await first.json()).document.id } });
    expect(uploadedFiles()).toEqual(files);
  });

  it('keeps every upload a racing delete of an older id did not name', async () => {
    let previous = (await (await postJson({ title: '竞争', text: '第0次上传的内容。' })).json()).document.id as string;
    const kept: string[] = [];
    for (let round = 1; round <= 8; round++) {
      const [deleted, added] = await Promise.all([
        withToken.request(`/api/documents/${previous}`, { method: 'DELETE', headers: auth }),
        postJson({ title: '竞争', text: `第${round}次上传的内容。` }),
      ]);
      expect(deleted.status).toBe(200);
      expect(added.status).toBe(201);
      previous = (await added.json()).document.id;
      kept.push(previous);
    }
    const ids = (await listed()).map((d) => d.id);
    expect(ids).toContain(previous);
    expect(kept.filter((id) => ids.includes(id))).toEqual([previous]);
    expect(new Set(kept).size).toBe(kept.length);
  });

  it('example questions follow the corpus: after an upload they can come from the new document', async () => {
    const before = await exampleQuestions(engine);
    expect(before.join()).not.toContain('藏书');
    expect((await postJson({ title: '市图书馆', text: '市图书馆新馆藏书80万册，周一闭馆。' })).status).toBe(201);
    expect((await exampleQuestions(engine)).join()).toContain('藏书');
  });

  it('will not delete a corpus file or an unknown id', async () => {
    const hospital = (await listed()).find((d) => !d.uploaded)!;
    const res = await withToken.request(`/api/documents/${hospital.id}`, { method: 'DELETE', headers: auth });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('not_an_upload');
    expect((await withToken.request('/api/documents/no-such-document', { method: 'DELETE', headers: auth })).status).toBe(404);
    expect(readdirSync(corpusDir)).toEqual(['hospital.md']);
  });

  it('with Prefer: respond-async, answers 202 with a job to follow, which ends searchable or with the refusal', async () => {
    const res = await upload('消防通知.txt', Buffer.from('# 消防通知\n\n办公楼消防演练定于本月二十日下午三点举行。\n'), { ...auth, prefer: 'respond-async' });
    expect(res.status).toBe(202);
    const { job } = await res.json();
    expect(res.headers.get('location')).toBe(`/api/jobs/${job.id}`);
    expect(['queued', 'reading', 'indexing']).toContain(job.state);
    const follow = async () => (await (await withToken.request(`/api/jobs/${job.id}`)).json()).job;
    await expect.poll(async () => (await follow()).state, { timeout: 60_000, interval: 200 }).toBe('done');
    expect((await follow()).document.title).toBe('消防通知');
    expect((await ask('消防演练什么时候举行?')).text).toContain('二十日');
    const empty = await (await upload('空白.txt', Buffer.from(' \n'), { ...auth, prefer: 'respond-async' })).json();
    await expect.poll(async () => (await (await withToken.request(`/api/jobs/${empty.job.id}`)).json()).job.state, { timeout: 60_000, interval: 200 }).toBe('failed');
    expect((await (await withToken.request(`/api/jobs/${empty.job.id}`)).json()).job.error.code).toBe('empty_document');
    expect((await upload('表.key', Buffer.from('PK'), { ...auth, prefer: 'respond-async' })).status).toBe(415);
    expect((await withToken.request('/api/jobs/no-such-job')).status).toBe(404);
  });

  it('documents the write endpoints and their bearer auth in the OpenAPI description', async () => {
    const spec = await (await withToken.request('/api/openapi.json')).json();
    expect(Object.keys(spec.paths['/api/documents'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(spec.paths['/api/documents/{id}'].delete.security).toEqual([{ bearer: [] }]);
    expect(spec.components.securitySchemes.bearer.scheme).toBe('bearer');
  });
});

describe('the chat page with ADMIN_TOKEN', () => {
  const pageUpload = (name: string, bytes: Buffer, token: string, app = withToken, more: { name: string; bytes: Buffer }[] = []) => {
    const form = new FormData();
    for (const file of [{ name, bytes }, ...more]) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
    form.append('token', token);
    return app.request('/upload', { method: 'POST', body: form });
  };

  /** The upload's jobs page, fetched again (as its refresh does) until every job has finished. */
  async function finishedJobsPage(location: string): Promise<string> {
    let html = '';
    await expect.poll(async () => (html = await (await withToken.request(location)).text()), { timeout: 60_000, interval: 200 }).toContain('全部处理完了');
    return html;
  }

  it('shows the upload form only when writes are on', async () => {
    expect(await (await withToken.request('/')).text()).toContain('action="/upload"');
    expect(await (await withoutToken.request('/')).text()).not.toContain('action="/upload"');
    expect((await pageUpload('a.txt', Buffer.from('正文。'), TOKEN, withoutToken)).status).toBe(403);
  });

  it('refuses a wrong token or a bad file in the page language, and writes nothing', async () => {
    const before = uploadedFiles();
    const wrong = await pageUpload('a.txt', Buffer.from('正文内容。'), 'not-the-token-123');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('管理口令不正确');
    const sheet = await pageUpload('a.key', Buffer.from('PK'), TOKEN);
    expect(sheet.status).toBe(415);
    expect(await sheet.text()).toContain('只能添加');
    expect(uploadedFiles()).toEqual(before);
  });

  it('returns at once with the upload jobs, whose page follows them and then leads to the chat page scoped to the file', async () => {
    const res = await pageUpload('公交.html', Buffer.from('<h1>公交新线路</h1><p>新开通的88路公交车首班时间为早上六点半。</p>'), TOKEN);
    expect(res.status).toBe(303);
    const jobsPage = res.headers.get('location')!;
    expect(jobsPage).toMatch(/^\/upload\/jobs\?id=/);
    const done = await finishedJobsPage(jobsPage);
    expect(done).not.toContain('data-reload-every');
    const location = /href="(\/\?added=[^"]+)"/.exec(done)![1].replace(/&amp;/g, '&');
    const id = new URL(location, 'http://x').searchParams.get('added')!;
    expect(engine.document(id)?.title).toBe('公交新线路');
    const html = await (await withToken.request(location)).text();
    expect(html).toContain('已添加《公交新线路》');
    expect(html).toContain(`id="scope" name="scope" list="scope-options" value="公交新线路"`);
    expect((await ask('88路公交车首班几点?')).docId).toBe(id);
  });

  it('takes several files at once, a job each, and fails one without the others', async () => {
    const res = await pageUpload('甲.txt', Buffer.from('# 甲通知\n\n甲楼电梯本周六停运检修一天。\n'), TOKEN, withToken, [
      { name: '乙.txt', bytes: Buffer.from('# 乙通知\n\n乙楼食堂本周日停业一天。\n') },
      { name: '空.txt', bytes: Buffer.from('   \n') },
    ]);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(new URL(location, 'http://x').searchParams.getAll('id')).toHaveLength(3);
    const done = await finishedJobsPage(location);
    expect(done).toContain('已添加《甲通知》');
    expect(done).toContain('已添加《乙通知》');
    expect(done).toContain('这个文件里没有可以索引的文字');
    expect((await ask('乙楼食堂哪天停业?')).text).toContain('本周日');
  });

  it('refuses the whole upload when one file is of a type it cannot read, and writes nothing', async () => {
    const before = uploadedFiles();
    const res = await pageUpload('丙.txt', Buffer.from('丙楼通知。'), TOKEN, withToken, [{ name: '表.key', bytes: Buffer.from('PK') }]);
    expect(res.status).toBe(415);
    expect(await res.text()).toContain('表.key：只能添加');
    expect(uploadedFiles()).toEqual(before);
  });
});
