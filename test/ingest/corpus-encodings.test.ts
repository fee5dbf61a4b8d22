// A user's folder of Chinese files in the encodings they come in: each is decoded and searchable, and
// a file that is not text is skipped and reported by name while the rest is indexed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/formats/decode-text.js';
import { htmlToText } from '../../src/ingest/formats/html-to-text.js';
import { readCorpus } from '../../src/ingest/read-corpus.js';
import { htmlReader } from '../../src/ingest/formats/html-reader.js';
import { openEngine } from '../support/engines.js';

const work = mkdtempSync(join(tmpdir(), 'xunyuan-encodings-'));
const corpusDir = join(work, 'corpus');
mkdirSync(join(corpusDir, 'sub'), { recursive: true });
const FILES: Record<string, { bytes: Buffer; question: string; evidence: string }> = {
  'gbk.txt': { bytes: iconv.encode('# 滏阳河治理\n\n滏阳河在冀南新区境内全长约25公里,河堤边坡比达1:6。\n', 'gbk'), question: '滏阳河在冀南新区境内有多长?', evidence: '25公里' },
  'sub/utf16.txt': { bytes: iconv.encode('\ufeff# 生姜种植\n\n磁县推广种植生姜1000余亩,带动500余名群众就近就业。\n', 'utf16-le'), question: '磁县推广种植了多少亩生姜?', evidence: '1000余亩' },
  'big5.txt': { bytes: iconv.encode('# 職教城\n\n邯鄲職教城二期項目總投資66.5億元。\n', 'big5'), question: '邯郸职教城二期项目总投资多少?', evidence: '66.5' },
  'sub/page.html': {
    bytes: Buffer.from(
      '<!doctype html><html><head><title>站点</title><script>var x = "体育馆";</script></head><body><nav>首页 | 新闻</nav>' +
        '<h1>邯郸新建体育馆</h1><p>新建的体育馆可容纳<b>8000</b>名观众，总投资3.2亿元。</p></body></html>',
    ),
    question: '新建的体育馆能容纳多少观众?',
    evidence: '8000名观众',
  },
  'notes.md': { bytes: Buffer.from('# 人民医院\n\n总投资4.33亿元的冀南新区人民医院项目即将开工建设。\n'), question: '冀南新区人民医院项目总投资多少?', evidence: '4.33亿元' },
};
for (const [path, f] of Object.entries(FILES)) writeFileSync(join(corpusDir, path), f.bytes);
writeFileSync(join(corpusDir, 'broken.txt'), Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37 + 11) % 256)));
writeFileSync(join(corpusDir, '.hidden.txt'), '隐藏文件不应被索引。');

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('decoding', () => {
  it('recognises UTF-8, GBK, Big5 and UTF-16 with a BOM', () => {
    expect(decodeText(Buffer.from('中文'))).toEqual({ text: '中文', encoding: 'UTF-8' });
    expect(decodeText(iconv.encode('冀南新区人民医院项目总投资4.33亿元。', 'gbk'))).toMatchObject({ text: '冀南新区人民医院项目总投资4.33亿元。' });
    expect(decodeText(iconv.encode('\ufeff邯鄲職教城', 'utf16-be'))).toMatchObject({ text: '邯鄲職教城' });
    expect('error' in decodeText(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00, 0x10, 0x00]))).toBe(true);
  });
});

describe('HTML', () => {
  it('keeps headings as Markdown headings, drops scripts, styles and menus, decodes entities', () => {
    const text = htmlToText(
      '<html><head><title>标签页</title><style>p{}</style></head><body><nav>菜单</nav><h2>标题 一</h2>' +
        '<p>第一段&amp;内容<br>第二行</p><h4>小节</h4><ul><li>甲</li><li>乙</li></ul><script>alert(1)</script></body></html>',
    );
    expect(text.split('\n\n').map((l) => l.trim())).toEqual(['## 标题 一', '第一段&内容', '第二行', '#### 小节', '甲', '乙']);
  });

  it('titles a page without headings by its <title>', () => {
    expect(htmlToText('<title>只有 标题</title><p>正文。</p>')).toBe('# 只有 标题\n\n正文。\n');
  });

  it('refuses a page nested absurdly deep, at once and with the reason, and reads a deep real one', async () => {
    const started = performance.now();
    const refused = await htmlReader.read(Buffer.from('<div>'.repeat(300_000) + '正文。'));
    expect(refused).toEqual({ error: expect.stringMatching(/nested more than 1000 elements deep/) });
    expect(performance.now() - started).toBeLessThan(2_000);
    const deep = '<div>'.repeat(200) + '<p>正文。</p>' + '</div>'.repeat(200);
    expect(await htmlReader.read(Buffer.from(deep))).toEqual({ text: '正文。\n' });
  });

  it('gives the HTML file its heading as the document title', async () => {
    const files = await readCorpus(corpusDir);
    const page = files.find((f) => f.path === 'sub/page.html')!;
    expect(page.id).toMatch(/^sub-page-[0-9a-f]{8}$/);
    expect(page.text.startsWith('# 邯郸新建体育馆')).toBe(true);
  });
});

describe('a corpus folder in mixed encodings', () => {
  it('indexes every decodable file, reports the undecodable one by name, and finds each by a question', async () => {
    const skipped: string[] = [];
    const files = await readCorpus(corpusDir, { skip: (f) => skipped.push(f.path) });
    expect(files.map((f) => f.path).sort()).toEqual(Object.keys(FILES).sort());
    expect(skipped).toEqual(['broken.txt']);
    const logs: string[] = [];
    const engine = await openEngine({ corpusDir, indexDir: join(work, 'index'), log: (l) => logs.push(l) });
    expect(logs.some((l) => l.includes('skipped broken.txt'))).toBe(true);
    for (const [path, f] of Object.entries(FILES)) {
      const r = await engine.ask({ question: f.question, topK: 3 });
      expect(r.passages[0].docId, path).toBe(files.find((x) => x.path === path)!.id);
      expect(r.passages[0].text).toContain(f.evidence);
    }
  });
});
