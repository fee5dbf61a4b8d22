// The format readers: which file each takes, and what each makes of its bytes.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ACCEPTED_EXTENSIONS, readerFor } from '../../../src/ingest/formats/format-reader.js';
import { htmlReader } from '../../../src/ingest/formats/html-reader.js';
import { imageReader } from '../../../src/ingest/formats/image-reader.js';
import { markdownReader } from '../../../src/ingest/formats/markdown-reader.js';
import { plainTextReader } from '../../../src/ingest/formats/plain-text-reader.js';
import { parseDocument } from '../../../src/ingest/parse-document.js';

describe('choosing a reader', () => {
  it('goes by extension, in any case, and takes nothing it cannot read', () => {
    expect(readerFor('新闻/第1版.TXT')).toBe(plainTextReader);
    expect(readerFor('notes.md')).toBe(markdownReader);
    expect(readerFor('page.HTM')).toBe(htmlReader);
    expect(readerFor('scan.PNG')).toBe(imageReader);
    expect(readerFor('slides.key')).toBeUndefined();
    expect(readerFor('README')).toBeUndefined();
  });

  it('lists every extension a reader takes, once', () => {
    expect([...ACCEPTED_EXTENSIONS].sort()).toEqual(['.csv', '.doc', '.docx', '.htm', '.html', '.jpeg', '.jpg', '.markdown', '.md', '.pdf', '.png', '.tif', '.tiff', '.tsv', '.txt', '.xlsx', '.pptx', '.epub', '.ods', '.odt', '.odp'].sort());
  });
});

describe('plain text reader', () => {
  it('reads GBK text as it was written and refuses bytes that are no text', async () => {
    expect(await plainTextReader.read(iconv.encode('# 通知\n\n城东片区周三停水八小时。', 'gbk'))).toEqual({ text: '# 通知\n\n城东片区周三停水八小时。' });
    expect(await plainTextReader.read(Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10]))).toHaveProperty('error');
  });
});

describe('HTML boilerplate', () => {
  it('leaves out the page footer and copyright or registration lines', async () => {
    const page = '<h1>社区通知</h1><p>周六上午义诊。</p><p>版权所有©2024 幸福社区</p><p>冀ICP备12345678号</p><footer><p>联系我们：0310-1234567</p></footer>';
    expect(await htmlReader.read(Buffer.from(page))).toEqual({ text: '# 社区通知\n\n周六上午义诊。\n' });
  });
});

describe('Markdown reader', () => {
  it('drops inline marks and titles each `##` part "document › part"', async () => {
    const md = '# 青禾水杯使用说明\n\n## 保温效果\n\n杯体**保温12小时**，保冷24小时。\n\n## 充电\n\n底座充电约**90分钟**充满，详见[说明书](https://example.com)。\n';
    const read = await markdownReader.read(Buffer.from(md));
    if (!('text' in read)) throw new Error(read.error);
    expect(read.text).not.toMatch(/\*\*|\]\(/);
    const doc = parseDocument('cup', 'cup.md', read.text, 'cup');
    expect(doc.title).toBe('青禾水杯使用说明');
    expect(doc.articles.map((a) => [a.title, a.paragraphs.map((p) => p.text)])).toEqual([
      ['青禾水杯使用说明 › 保温效果', ['杯体保温12小时，保冷24小时。']],
      ['青禾水杯使用说明 › 充电', ['底座充电约90分钟充满，详见说明书。']],
    ]);
  });
});

describe('HTML reader', () => {
  it('decodes the page and keeps its heading as a Markdown heading, without the menu', async () => {
    const page = iconv.encode('<nav>首页</nav><h1>停水通知</h1><p>城东片区周三停水。</p>', 'gbk');
    const read = await htmlReader.read(page);
    expect(read).toEqual({ text: '# 停水通知\n\n城东片区周三停水。\n' });
  });
});
