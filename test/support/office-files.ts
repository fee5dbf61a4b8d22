// Office files made for the tests as their writers lay them out: a workbook whose header spans two
// rows (a merged 2025年 over GDP and 增速) with a percentage format, a formula's cached result and a
// hidden sheet; a presentation whose parts are numbered otherwise than its order, with speaker notes;
// an e-book whose spine orders its chapters.
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';

export async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.title = '2025年各地经济统计';
  const sheet = book.addWorksheet('2025');
  sheet.getCell('A1').value = '地区';
  sheet.mergeCells('A1:A2');
  sheet.getCell('B1').value = '2025年';
  sheet.mergeCells('B1:C1');
  sheet.getCell('B2').value = 'GDP（亿元）';
  sheet.getCell('C2').value = '增速';
  sheet.addRow(['浙江', 90131, 0.055]);
  sheet.addRow(['广东', 141634, 0.041]);
  sheet.addRow(['合计', { formula: 'B3+B4', result: 231765 }]);
  sheet.getColumn(3).numFmt = '0.0%';
  book.addWorksheet('说明').addRow(['数据来源：各省统计局公报']);
  const hidden = book.addWorksheet('草稿', { state: 'hidden' });
  hidden.addRow(['不应读到的草稿']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const NS = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const shape = (paragraphs: string[], placeholder?: string) =>
  `<p:sp><p:nvSpPr><p:cNvPr id="1" name="s"/><p:cNvSpPr/><p:nvPr>${placeholder ? `<p:ph type="${placeholder}"/>` : ''}</p:nvPr></p:nvSpPr><p:txBody>${paragraphs
    .map((t) => `<a:p><a:r><a:t>${t.slice(0, 4)}</a:t></a:r><a:r><a:t>${t.slice(4)}</a:t></a:r></a:p>`)
    .join('')}</p:txBody></p:sp>`;
const slide = (shapes: string) => `<?xml version="1.0"?><p:sld ${NS}><p:cSld><p:spTree>${shapes}</p:spTree></p:cSld></p:sld>`;
const rels = (items: [string, string, string][]) =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.map(([id, type, target]) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`).join('')}</Relationships>`;

export function presentation(): Buffer {
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

export function book(): Buffer {
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

