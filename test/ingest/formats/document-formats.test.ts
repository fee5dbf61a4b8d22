// PDF, DOCX and DOC read from fixtures made for these tests (test/fixtures/make-format-fixtures.ts):
// pages and line wraps in PDF text, Word headings as titles, and every bad file refused with its
// reason, never thrown.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docReader } from '../../../src/ingest/formats/doc-reader.js';
import { docxReader } from '../../../src/ingest/formats/docx-reader.js';
import { OCR_OFF } from '../../../src/ingest/formats/image-reader.js';
import { MAX_PDF_PAGES, pdfReader } from '../../../src/ingest/formats/pdf-reader.js';
import { parseDocument } from '../../../src/ingest/parse-document.js';

const fixture = (name: string) => readFileSync(join('test/fixtures/formats', name));
const textOf = async (read: Promise<{ text: string } | { error: string }>) => {
  const result = await read;
  if ('error' in result) throw new Error(result.error);
  return result.text;
};

/** A PDF of `pages` empty pages, written out object by object. */
function blankPdf(pages: number): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>'),
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out);
}

describe('PDF', () => {
  it('joins lines the layout wrapped, keeps paragraphs apart and knows each paragraph’s page', async () => {
    const text = await textOf(pdfReader.read(fixture('water-notice.pdf')));
    const doc = parseDocument('water', 'water-notice.pdf', text, 'water-notice');
    expect(doc.title).toBe('青石县城区供水管网改造公告');
    const paragraphs = doc.articles.flatMap((a) => a.paragraphs);
    expect(paragraphs.map((p) => [p.page, p.text.slice(0, 8)])).toEqual([
      [1, '为提升城区供水保'],
      [1, '改造期间，各小区'],
      [2, '第二阶段工程计划'],
      [2, '如有疑问，请拨打'],
    ]);
    expect(paragraphs[0].text).toContain('对老城区供水管网进行改造，共更换老旧管道约18.6公里');
    expect(paragraphs[3].text).toContain('服务热线 0310-5566123 咨询');
  });

  it('refuses an encrypted, a truncated and a fake PDF, and a scanned one when OCR is off, with the reason', async () => {
    expect(await pdfReader.read(fixture('encrypted.pdf'))).toEqual({ error: 'the PDF is encrypted (password protected)' });
    expect(await pdfReader.read(fixture('water-notice.pdf').subarray(0, 9000))).toEqual({ error: 'not a valid PDF (corrupt or truncated)' });
    expect(await pdfReader.read(Buffer.from('这不是PDF文件'))).toEqual({ error: 'not a valid PDF (corrupt or truncated)' });
    expect(await pdfReader.read(fixture('bus-change-scan.pdf'))).toEqual({ error: `the PDF has no text layer: ${OCR_OFF}` });
  });

  it(`refuses a PDF of more than ${MAX_PDF_PAGES} pages, saying how many it has`, async () => {
    expect(await pdfReader.read(blankPdf(5_000))).toEqual({ error: `the PDF has 5000 pages; at most ${MAX_PDF_PAGES} are read` });
  });
});

describe('Word', () => {
  it('takes a .docx’s headings as the document title and the titles of its parts', async () => {
    const doc = parseDocument('rules', 'library-rules.docx', await textOf(docxReader.read(fixture('library-rules.docx'))), 'library-rules');
    expect(doc.title).toBe('城南图书馆读者须知');
    const bodies = doc.articles.map((a) => [a.title, a.paragraphs.filter((p) => p.kind === 'body').map((p) => p.text.slice(0, 6))]);
    expect(bodies).toEqual([
      ['城南图书馆读者须知 › 一、借阅规则', ['持读者证每次']],
      ['城南图书馆读者须知 › 二、开放时间', ['周二至周日上']],
      ['城南图书馆读者须知 › 三、逾期处理', ['图书逾期未还']],
    ]);
  });

  it('reads a .doc’s body text', async () => {
    const text = await textOf(docReader.read(fixture('canteen-report.doc')));
    expect(text).toContain('第三中学食堂检查情况通报');
    expect(text).toContain('午餐标准为每人八元');
  });

  it('refuses bytes that are no Word document, with the reason', async () => {
    expect(await docxReader.read(Buffer.from('PK这不是Word文件'))).toHaveProperty('error', expect.stringMatching(/not a readable Word document \(\.docx\)/));
    expect(await docReader.read(Buffer.from('这不是Word文件'.repeat(100)))).toHaveProperty('error', expect.stringMatching(/not a readable Word document \(\.doc\)/));
  });
});
