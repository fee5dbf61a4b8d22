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

const NS = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const shape = (paragraphs: string[], placeholder?: string) =>
  `<p:sp><p:nvSpPr><p:cNvPr id="1" name="s"/><p:cNvSpPr/><p:nvPr>${placeholder ? `<p:ph type="${placeholder}"/>` : ''}</p:nvPr></p:nvSpPr><p:txBody>${paragraphs
    .map((t) => `<a:p><a:r><a:t>${t.slice(0, 4)}</a:t></a:r><a:r><a:t>${t.slice(4)}</a:t></a:r></a:p>`)
    .join('')}</p:txBody></p:sp>`;
const slide = (shapes: string) => `<?xml version="1.0"?><p:sld ${NS}><p:cSld><p:spTree>${shapes}</p:spTree></p:cSld></p:sld>`;
const rels = (items: [string, string, string][]) =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`).join('')}</Relationships>`;

function presentation(): Buffer {
  const files: Record<string, Uint8Array> = {
    'docProps/core.xml': strToU8('<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>2025年食堂改造汇报</dc:title></cp:coreProperties>'),
    // The presentation shows slide2.xml first: parts are numbered by creation, not by order.
    'ppt/presentation.xml': strToU8(`<?xml version="1.0"?><p:presentation ${NS}><p:sldIdLst><p:sldId id="256" r:id="rId3"/><p:sldId id="257" r:id="rId2"/></p:sldIdLst></p:presentation>`),
    'ppt/_rels/presentation.xml.rels': strToU8(rels([['rId2', 'slide', 'slides/slide1.xml'], ['rId3', 'slide', 'slides/slide2.xml']])),
    'ppt/slides/slide2.xml': strToU8(slide(shape(['食堂改造工程概况'], 'ctrTitle') + shape(['改造工程总投资三百二十万元。', '新增座位四百个。']))),
    'ppt/slides/slide1.xml': strToU8(slide(shape(['工期安排'], 'title') + shape(['工程计划于明年三月底完工。']))),
    'ppt/slides/_rels/slide1.xml.rels': strToU8(rels([['rId1', 'notesSlide', '../notesSlides/notesSlide1.xml']])),
    'ppt/notesSlides/notesSlide1.xml': strToU8(`<?xml version="1.0"?><p:notes ${NS}><p:cSld><p:spTree>${shape(['讲到这里提醒大家错峰就餐。'], 'body')}${shape(['2'], 'sldNum')}</p:spTree></p:cSld></p:notes>`),
  };
  return Buffer.from(zipSync(files));
}

function book(): Buffer {
  const chapter = (title: string, text: string) => strToU8(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`);
  return Buffer.from(
    zipSync({
      mimetype: strToU8('application/epub+zip'),
      'META-INF/container.xml': strToU8('<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'),
      'OEBPS/content.opf': strToU8(
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" xmlns:dc="http://purl.org/dc/elements/1.1/"><metadata><dc:title>员工手册</dc:title></metadata>' +
          '<manifest><item id="c2" href="text/%E7%AC%AC%E4%BA%8C%E7%AB%A0.xhtml" media-type="application/xhtml+xml"/><item id="c1" href="text/one.xhtml" media-type="application/xhtml+xml"/></manifest>' +
          '<spine><itemref idref="c1"/><itemref idref="c2"/></spine></package>',
      ),
      'OEBPS/text/one.xhtml': chapter('第一章 考勤', '员工每天上午九点前打卡。'),
      'OEBPS/text/第二章.xhtml': chapter('第二章 休假', '入职满一年的员工享有五天带薪年假。'),
    }),
  );
}

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
