// Minimal PDFs written byte by byte for the reader tests: pages of Latin text in a standard font,
// each page's content stream Flate-compressed, so a test can make a long book or a stream that
// inflates far past its file size without any fixture on disk.
import { deflateSync } from 'node:zlib';

/** A PDF whose pages have these content streams (PDF operators, e.g. `BT /F1 12 Tf 72 720 Td (text) Tj ET`). */
export function pdfWithPages(contents: Buffer[], pageSize = { width: 612, height: 792 }): Buffer {
  const objects: Buffer[] = [];
  const pageIds = contents.map((_, i) => 4 + 2 * i);
  objects.push(Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'));
  objects.push(Buffer.from(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${contents.length} >>`));
  objects.push(Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'));
  contents.forEach((content, i) => {
    objects.push(Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageSize.width} ${pageSize.height}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`));
    const packed = deflateSync(content);
    objects.push(Buffer.concat([Buffer.from(`<< /Length ${packed.length} /Filter /FlateDecode >>\nstream\n`), packed, Buffer.from('\nendstream')]));
  });
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0].length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(object);
    length += object.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A page holding these lines of Latin text. */
export const textPage = (lines: string[]) =>
  Buffer.from(`BT /F1 10 Tf 72 760 Td 12 TL ${lines.map((l) => `(${l.replace(/[()\\]/g, '')}) '`).join(' ')} ET`);
