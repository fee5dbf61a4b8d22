// The garbled-text-layer detector on text as real PDFs give it: mojibake and glyph ids are garbled,
// Chinese, English, French and Russian writing is not, and a page number is too short to judge.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isGarbledText } from '../../../src/ingest/formats/garbled-text.js';
import { OCR_OFF } from '../../../src/ingest/formats/image-reader.js';
import { pdfReader } from '../../../src/ingest/formats/pdf-reader.js';

const CHINESE = '为提升城区供水保障能力，青石县水务局将于今年九月对老城区供水管网进行改造，共更换老旧管道约18.6公里。';

describe('a garbled text layer', () => {
  it('is mojibake (UTF-8 read as Latin-1), glyph ids, private-use or replacement characters', () => {
    expect(isGarbledText(Buffer.from(CHINESE, 'utf8').toString('latin1'))).toBe(true);
    expect(isGarbledText('(cid:3021)(cid:1187)(cid:2290)(cid:45) (cid:3021)(cid:1187)(cid:2290)(cid:45)(cid:77)(cid:12)(cid:13)(cid:14)(cid:15)(cid:16)(cid:17)(cid:18)(cid:19)(cid:20)(cid:21)(cid:22)')).toBe(true);
    expect(isGarbledText('\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009\ue00a\ue00b\ue00c\ue00d\ue00e\ue00f\ue010\ue011\ue012\ue013\ue014\ue015')).toBe(true);
    expect(isGarbledText('\ufffd'.repeat(30))).toBe(true);
  });

  it('is not writing, in Chinese or in the languages Chinese documents quote', () => {
    expect(isGarbledText(CHINESE)).toBe(false);
    expect(isGarbledText('Java开发手册（黄山版） 15/51 【强制】代码中的命名均不能以下划线或美元符号开始，如：_name / $Object。')).toBe(false);
    expect(isGarbledText('Les élèves présentent leur carte à l’entrée de la bibliothèque, où l’accès est libre.')).toBe(false);
    expect(isGarbledText('Матрёшка — русская деревянная игрушка в виде расписной куклы.')).toBe(false);
    expect(isGarbledText('ÃÂ¦ 12')).toBe(false);
  });

  it('refuses a PDF whose only text layer is garbled when OCR is off, saying so', async () => {
    expect(await pdfReader.read(readFileSync('test/fixtures/formats/garbled-layer.pdf'))).toEqual({ error: `the PDF has a garbled text layer: ${OCR_OFF}` });
  });
});
