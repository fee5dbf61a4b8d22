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


const ODF_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"';

/** An OpenDocument package as LibreOffice writes one: its mimetype first, content.xml and meta.xml with the title. */
function odfPackage(mimetype: string, body: string, title: string, styles = ''): Buffer {
  return Buffer.from(
    zipSync({
      mimetype: strToU8(mimetype),
      'content.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODF_NS}><office:automatic-styles>${styles}</office:automatic-styles><office:body>${body}</office:body></office:document-content>`),
      'meta.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:title>${title}</dc:title></office:meta></office:document-meta>`),
    }),
  );
}

const cell = (text: string, extra = '') => `<table:table-cell${extra}><text:p>${text}</text:p></table:table-cell>`;

/**
 * A spreadsheet as LibreOffice saves one: a header of two rows (2025年 merged over two columns, the
 * covered cell left empty), a row repeated twice, the rest of the sheet as filler repeats, and a
 * hidden sheet.
 */
export function odsSpreadsheet(): Buffer {
  const rows = [
    `<table:table-row>${cell('地区')}${cell('2025年', ' table:number-columns-spanned="2"')}<table:covered-table-cell/></table:table-row>`,
    `<table:table-row><table:table-cell/>${cell('GDP（亿元）')}${cell('增速')}</table:table-row>`,
    `<table:table-row>${cell('浙江')}${cell('90131')}${cell('5.5%')}<table:table-cell table:number-columns-repeated="1021"/></table:table-row>`,
    `<table:table-row table:number-rows-repeated="2">${cell('待填')}${cell('0')}</table:table-row>`,
    `<table:table-row>${cell('广东')}${cell('141634')}${cell('4.1%')}</table:table-row>`,
    '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>',
  ].join('');
  const hidden = `<table:table table:name="草稿" table:style-name="ta2"><table:table-row>${cell('不应读到的草稿')}</table:table-row></table:table>`;
  return odfPackage(
    'application/vnd.oasis.opendocument.spreadsheet',
    `<office:spreadsheet><table:table table:name="2025" table:style-name="ta1">${rows}</table:table>${hidden}</office:spreadsheet>`,
    '2025年各省经济',
    '<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>',
  );
}

/** A text document: a title heading, a section heading, a paragraph with a footnote, a table. */
export function odtDocument(): Buffer {
  const table = `<table:table table:name="表1"><table:table-row>${cell('岗位')}${cell('人数')}</table:table-row><table:table-row>${cell('保洁员')}${cell('12')}</table:table-row></table:table>`;
  return odfPackage(
    'application/vnd.oasis.opendocument.text',
    `<office:text><text:h text:outline-level="1">物业服务方案</text:h><text:h text:outline-level="2">一、服务时间</text:h><text:p>物业服务中心每天早上<text:s/>八点开门<text:note><text:note-body><text:p>节假日另行通知</text:p></text:note-body></text:note>，晚上六点关门。</text:p>${table}</office:text>`,
    '小区物业服务方案',
  );
}

/** A presentation: two slides, each with a title frame and a text frame, the second with speaker notes. */
export function odpPresentation(): Buffer {
  const frame = (klass: string, text: string) => `<draw:frame presentation:class="${klass}"><draw:text-box><text:p>${text}</text:p></draw:text-box></draw:frame>`;
  return odfPackage(
    'application/vnd.oasis.opendocument.presentation',
    `<office:presentation><draw:page draw:name="页1">${frame('title', '绿化改造计划')}${frame('outline', '今年新种植乔木三百棵。')}</draw:page><draw:page draw:name="页2">${frame('title', '经费')}${frame('outline', '绿化改造经费共八十万元。')}<presentation:notes>${frame('notes', '提醒大家经费来自维修基金。')}</presentation:notes></draw:page></office:presentation>`,
    '绿化改造汇报',
  );
}
