// OpenDocument files as LibreOffice writes them: a spreadsheet read as a workbook is (a two-row header
// with a merged cell, repeated rows counted in the row numbers, filler repeats and a hidden sheet
// left out), a text with its headings and table (a footnote left out of the sentence it sits in), and
// slides as pages under their titles with the notes apart; a broken file refused with the reason.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { odpReader, odsReader, odtReader } from '../../../src/ingest/formats/odf-reader.js';
import { odpPresentation, odsSpreadsheet, odtDocument } from '../../support/office-files.js';

describe('OpenDocument', () => {
  it('reads a spreadsheet: header rows joined over a merged cell, rows numbered as shown, filler and hidden sheets left out', async () => {
    const read = await odsReader.read(odsSpreadsheet());
    if (!('text' in read)) throw new Error(read.error);
    expect(read.title).toBe('2025年各省经济');
    expect(read.text).toBe(
      '## 2025\n\n' +
        '地区：浙江，2025年 GDP（亿元）：90131，2025年 增速：5.5%\n\n' +
        '地区：待填，2025年 GDP（亿元）：0\n\n' +
        '地区：待填，2025年 GDP（亿元）：0\n\n' +
        '地区：广东，2025年 GDP（亿元）：141634，2025年 增速：4.1%\n',
    );
    expect(read.rows!.map((r) => [r.sheet, r.row])).toEqual([
      ['2025', 3],
      ['2025', 4],
      ['2025', 5],
      ['2025', 6],
    ]);
  });

  it('reads a text: headings by level, a footnote kept out of its sentence, a table by its header', async () => {
    expect(await odtReader.read(odtDocument())).toEqual({
      title: '小区物业服务方案',
      text: '# 物业服务方案\n\n## 一、服务时间\n\n物业服务中心每天早上 八点开门，晚上六点关门。\n\n岗位：保洁员，人数：12\n',
    });
  });

  it('reads slides as pages under their titles, the speaker notes apart', async () => {
    expect(await odpReader.read(odpPresentation())).toEqual({
      title: '绿化改造汇报',
      text: '## 绿化改造计划\n\n今年新种植乔木三百棵。\n\f\n## 经费\n\n绿化改造经费共八十万元。\n\n演讲者备注：提醒大家经费来自维修基金。\n\f\n',
    });
  });

  it('refuses a file that is not an OpenDocument package, or one without its content', async () => {
    expect(await odsReader.read(Buffer.from('PK\u0003\u0004 broken'))).toEqual({ error: expect.stringMatching(/^not a readable OpenDocument spreadsheet/) });
    expect(await odtReader.read(Buffer.from(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text') })))).toEqual({
      error: 'not a readable OpenDocument text (.odt): it has no content.xml',
    });
  });
});
