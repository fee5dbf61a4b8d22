// A folder of PDF, Word and page-image files, as a user drops it in: each file answers questions
// about itself (the scans, and a PDF whose text layer is garbled, by OCR), PDF passages carry their page in the API and the source view, and
// the upload API takes PDF too, refusing a broken one with nothing written.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/engine/answer-engine.js';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { createApp } from '../../src/server/app.js';
import { openEngine, scratchDir } from '../support/engines.js';

const TOKEN = 'formats-admin-token-0123';
const work = scratchDir('formats');
const corpusDir = join(work, 'corpus');
const uploadsDir = join(work, 'uploads');
const logs: string[] = [];
let engine: AnswerEngine;
const app = createApp(() => engine, { adminToken: TOKEN });
const fixture = (name: string) => readFileSync(join('test/fixtures/formats', name));

beforeAll(async () => {
  mkdirSync(corpusDir);
  for (const name of ['water-notice.pdf', 'library-rules.docx', 'canteen-report.doc', 'bus-change-scan.pdf', 'park-hours.png', 'garbled-layer.pdf', 'encrypted.pdf']) {
    cpSync(join('test/fixtures/formats', name), join(corpusDir, name));
  }
  // A product FAQ in Markdown: its parts are "document › part", and their headings count in matching.
  writeFileSync(
    join(corpusDir, 'cup-faq.md'),
    '# 青禾水杯常见问题\n\n## 保温效果\n\n杯体采用双层真空结构，**保温12小时**，保冷24小时。\n\n## 充电\n\n底座充电约**90分钟**充满，充满后可连续加热三次。\n',
  );
  engine = await openEngine({ corpusDir, uploadsDir, indexDir: join(work, 'index'), log: (l) => logs.push(l) });
});

const ask = async (q: string) => (await app.request(`/api/ask?q=${encodeURIComponent(q)}`)).json();

describe('a folder of PDF, Word and scanned files', () => {
  it('answers from each file, and names the files it skipped with the reason', async () => {
    const cases: [string, string, string][] = [
      ['青石县要更换多少公里老旧供水管道?', 'water-notice', '18.6公里'],
      ['城南图书馆每周几闭馆?', 'library-rules', '每周一闭馆'],
      ['第三中学食堂午餐标准是每人多少钱?', 'canteen-report', '每人八元'],
      ['7路公交首班车几点发车?', 'bus-change-scan', '六点十分'],
      ['白鹭湖公园的观光车票价多少?', 'park-hours', '五元'],
      // Its text layer is mojibake; the page is read by OCR instead.
      ['河西社区卫生服务中心门诊时间是几点到几点?', 'garbled-layer', '上午八点至下午五点'],
      ['青禾水杯保温效果怎么样?', 'cup-faq', '保温12小时'],
    ];
    for (const [question, docId, evidence] of cases) {
      const r = await ask(question);
      expect(r.passages[0].docId, question).toBe(docId);
      expect(r.answer.text, question).toContain(evidence);
    }
    expect(logs).toContain('skipped encrypted.pdf: the PDF is encrypted (password protected)');
    expect(logs.filter((l) => l.startsWith('OCR: ')).at(-1)).toMatch(/^OCR: 3 pages read \(\d+\.\d\d pages\/s\); \d+\/8 files, about \d+ s left$/);
  });

  it('gives a PDF passage its page, in the API, the citation and the source view', async () => {
    const r = await ask('供水管网改造第二阶段工程总投资多少?');
    expect(r.answer.text).toContain('2650万元');
    expect(r.passages[0]).toMatchObject({ docId: 'water-notice', page: 2 });
    expect((await ask('城南图书馆每周几闭馆?')).passages[0].page).toBeUndefined();
    const chat = await (await app.request(`/?h=${encodeURIComponent('供水管网改造第二阶段工程总投资多少?')}`)).text();
    expect(chat).toContain('第2页');
    const source = await (await app.request('/docs/water-notice')).text();
    expect(source.indexOf('第 2 页')).toBeGreaterThan(source.indexOf('第 1 页'));
    expect(source.indexOf('第 2 页')).toBeLessThan(source.indexOf('第二阶段工程'));
  });
});

describe('a scan in the source view', () => {
  it('shows the page image, served by the project, with the cited lines outlined', async () => {
    const r = await ask('白鹭湖公园的观光车票价多少?');
    const cited = r.passages[0];
    const anchor = cited.url.split('#')[1];
    const page = await (await app.request(`/docs/park-hours?p=${anchor}&s=${cited.quote.start}&e=${cited.quote.end}`)).text();
    expect(page).toContain('<image href="/docs/park-hours/scans/0"');
    const boxes = [...page.matchAll(/<rect class="cited-line[^"]*" x="(\d+)" y="(\d+)"/g)];
    expect(boxes).toHaveLength(1);
    expect(Number(boxes[0][2])).toBeGreaterThan(300);
    expect((await (await app.request('/docs/park-hours')).text()).match(/cited-line/g)).toBeNull();
    const image = await app.request('/docs/park-hours/scans/0');
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(fixture('park-hours.png'))).toBe(true);
    expect((await app.request('/docs/park-hours/scans/7')).status).toBe(404);
  });

  it('draws a text PDF\'s cited page once, with its text on it, and outlines the cited lines', async () => {
    const r = await ask('供水管网改造第二阶段工程总投资多少?');
    const cited = r.passages[0];
    const page = await (await app.request(`/docs/water-notice?p=${cited.url.split('#')[1]}&s=${cited.quote.start}&e=${cited.quote.end}`)).text();
    // Page 2 only: the text PDF's other page holds nothing cited.
    expect([...page.matchAll(/<image href="\/docs\/water-notice\/scans\/(\d+)"/g)].map((m) => m[1])).toEqual(['1']);
    expect(page).toContain('第 2 页原图：框出的是引文所在的行，涂色的是引用的句子');
    expect(page).toMatch(/<rect class="cited-line quoted-line"/);
    const cache = join(work, 'index', 'ocr-cache');
    const before = readdirSync(cache).length;
    const drawn = await app.request('/docs/water-notice/scans/1');
    expect(drawn.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await drawn.arrayBuffer());
    expect(readdirSync(cache)).toHaveLength(before + 1);
    expect(Buffer.from(await (await app.request('/docs/water-notice/scans/1')).arrayBuffer()).equals(bytes)).toBe(true);
    // The glyphs are drawn (Node 20 needs core-js for pdf.js's fonts): a share of the page is ink.
    const image = await loadImage(bytes);
    const canvas = createCanvas(image.width, image.height);
    canvas.getContext('2d').drawImage(image, 0, 0);
    const pixels = canvas.getContext('2d').getImageData(0, 0, image.width, image.height).data;
    let ink = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) ink++;
    expect(ink / (pixels.length / 4)).toBeGreaterThan(0.005);
  });

  it('outlines the lines of a scanned PDF page and labels the page', async () => {
    const r = await ask('7路公交首班车几点发车?');
    const anchor = r.passages[0].url.split('#')[1];
    const page = await (await app.request(`/docs/bus-change-scan?p=${anchor}`)).text();
    expect(page).toContain('第 1 页原图');
    expect(page).toMatch(/<rect class="cited-line"/);
  });
});

describe('uploading PDF and images', () => {
  const upload = (name: string, bytes: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    return app.request('/api/documents', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: form });
  };

  it('adds a PDF and answers from it with its page', async () => {
    const res = await upload('供水公告.pdf', fixture('water-notice.pdf'));
    expect(res.status).toBe(201);
    const id = (await res.json()).document.id;
    const r = await (await app.request(`/api/ask?q=${encodeURIComponent('服务热线电话是多少?')}&docId=${encodeURIComponent(id)}`)).json();
    expect(r.passages[0]).toMatchObject({ docId: id, page: 2 });
  });

  it('refuses a broken or encrypted PDF, one over 20 MB and an image that is none, writing nothing', async () => {
    const before = readdirSync(uploadsDir).sort();
    for (const [name, bytes, status] of [
      ['坏文件.pdf', fixture('water-notice.pdf').subarray(0, 5000), 422],
      ['加密.pdf', fixture('encrypted.pdf'), 422],
      ['太大.pdf', Buffer.alloc(20 * 1024 * 1024 + 1), 413],
      ['不是图片.png', Buffer.from('这不是图片'), 422],
    ] as const) {
      const res = await upload(name, bytes);
      expect(res.status, name).toBe(status);
      expect((await res.json()).error.message, name).toMatch(status === 413 ? /at most 20 MB/ : /could not be read: /);
    }
    expect(readdirSync(uploadsDir).sort()).toEqual(before);
  });

  it('keeps in the OCR cache only pages of indexed documents: a refused scan and a deleted one leave nothing', async () => {
    const cacheDir = join(work, 'index', 'ocr-cache');
    const pages = () => readdirSync(cacheDir).filter((f) => f.endsWith('.json')).sort();
    const before = pages();
    const blank = createCanvas(600, 400);
    const paint = blank.getContext('2d');
    paint.fillStyle = '#fff';
    paint.fillRect(0, 0, 600, 400);
    const refused = await upload('空白.png', blank.toBuffer('image/png'));
    expect(refused.status).toBe(422);
    expect(pages()).toEqual(before);
    // The same page as the corpus's scan, in other bytes: a page of its own in the cache.
    const scan = createCanvas(1200, 1600);
    scan.getContext('2d').drawImage(await loadImage(fixture('park-hours.png')), 0, 0);
    const added = await upload('公园.jpg', scan.toBuffer('image/jpeg'));
    expect(added.status).toBe(201);
    expect(pages()).toHaveLength(before.length + 1);
    const id = (await added.json()).document.id;
    expect((await app.request(`/api/documents/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect(pages()).toEqual(before);
  });
});
