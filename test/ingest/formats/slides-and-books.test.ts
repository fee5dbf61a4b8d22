// Slides and e-books, made for the test as PowerPoint and EPUB writers lay them out (the parts a reader
// needs, zipped): slides in the presentation's order (not the parts' numbers), each a page titled by
// its title placeholder, speaker notes kept apart; chapters in the spine's order, titled by their
// headings; the title from the file's properties; and a broken archive refused with the reason.
import { zipSync, strToU8 } from 'fflate';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { epubReader } from '../../../src/ingest/formats/epub-reader.js';
import { pptxReader } from '../../../src/ingest/formats/pptx-reader.js';
import { openEngine, scratchDir } from '../../support/engines.js';
import { book, presentation } from '../../support/office-files.js';

describe('slides (.pptx)', () => {
  it('reads the slides in the presentation’s order, each a page under its title, the notes kept apart', async () => {
    expect(await pptxReader.read(presentation())).toEqual({
      title: '2025年食堂改造汇报',
      text:
        '## 食堂改造工程概况\n\n改造工程总投资三百二十万元。\n\n新增座位四百个。\n\f\n' +
        '## 工期安排\n\n工程计划于明年三月底完工。\n\n演讲者备注：讲到这里提醒大家错峰就餐。\n\f\n',
    });
  });

  it('refuses a file that is not a presentation', async () => {
    expect(await pptxReader.read(Buffer.from('PK\u0003\u0004 broken'))).toEqual({ error: expect.stringMatching(/not a readable PowerPoint file/) });
    expect(await pptxReader.read(Buffer.from(zipSync({ 'a.txt': strToU8('x') })))).toEqual({ error: expect.stringMatching(/holds no slides/) });
  });
});

describe('e-books (.epub)', () => {
  it('reads the chapters in the spine’s order, titled by their headings, the book titled by its metadata', async () => {
    const read = await epubReader.read(book());
    expect(read).toMatchObject({ title: '员工手册' });
    const text = 'text' in read ? read.text : '';
    expect(text.indexOf('第一章 考勤')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('第二章 休假')).toBeGreaterThan(text.indexOf('员工每天上午九点前打卡'));
    expect(text).toContain('入职满一年的员工享有五天带薪年假。');
  });

  it('refuses a book without its package document', async () => {
    expect(await epubReader.read(Buffer.from(zipSync({ mimetype: strToU8('application/epub+zip') })))).toEqual({ error: expect.stringMatching(/no package document/) });
  });

  it('answers from slides and a book in a folder, citing the slide’s page', async () => {
    const work = scratchDir('slides-books');
    mkdirSync(join(work, 'corpus'));
    writeFileSync(join(work, 'corpus', 'canteen.pptx'), presentation());
    writeFileSync(join(work, 'corpus', 'handbook.epub'), book());
    const engine = await openEngine({ corpusDir: join(work, 'corpus'), indexDir: join(work, 'index'), ocr: false });
    expect(engine.documents().map((d) => d.title).sort()).toEqual(['2025年食堂改造汇报', '员工手册'].sort());
    const works = await engine.ask({ question: '工程计划在什么时候完工?' });
    expect(works.answer?.text).toContain('明年三月底');
    expect(works.passages[0].page).toBe(2);
    expect((await engine.ask({ question: '带薪年假有几天?' })).answer?.text).toContain('五天');
  });
});
