// E-books (.epub): the chapters in the book's reading order (its OPF spine), each chapter's XHTML read
// as any web page (`html-to-text.ts`), so its headings become the parts' titles; the book's title from
// its metadata (dc:title). The parts are read by fflate and htmlparser2 (`zip-entries.ts`).
import { DomUtils } from 'htmlparser2';
import { MAX_BINARY_UPLOAD_BYTES } from '../../limits.js';
import type { FormatReader } from './format-reader.js';
import { htmlPageText } from './html-reader.js';
import { parseXml, zipEntries } from './zip-entries.js';

const FORMAT = 'e-book (.epub)';

/** `OEBPS/content.opf` + `text/ch1.xhtml` → `OEBPS/text/ch1.xhtml` (hrefs are relative to the OPF and URL-encoded). */
function resolve(base: string, href: string): string {
  const out = base.split('/').slice(0, -1);
  for (const part of decodeURIComponent(href.split('#')[0]).split('/')) {
    if (part === '..') out.pop();
    else if (part !== '' && part !== '.') out.push(part);
  }
  return out.join('/');
}

export const epubReader: FormatReader = {
  extensions: ['.epub'],
  maxBytes: MAX_BINARY_UPLOAD_BYTES,
  async read(bytes) {
    const parts = zipEntries(bytes, (name) => /\.(?:xml|opf|x?html?)$/i.test(name), FORMAT);
    if ('error' in parts) return parts;
    const container = parts.get('META-INF/container.xml');
    const opfPath = container ? DomUtils.getElementsByTagName('rootfile', parseXml(container))[0]?.attribs['full-path'] : undefined;
    const opf = opfPath ? parts.get(opfPath) : undefined;
    if (!opfPath || !opf) return { error: `not a readable ${FORMAT}: no package document (META-INF/container.xml)` };
    const dom = parseXml(opf);
    const manifest = new Map(DomUtils.getElementsByTagName('item', dom).map((item) => [item.attribs.id ?? '', item.attribs.href ?? '']));
    const chapters: string[] = [];
    for (const ref of DomUtils.getElementsByTagName('itemref', dom)) {
      const href = manifest.get(ref.attribs.idref ?? '');
      const xhtml = href ? parts.get(resolve(opfPath, href)) : undefined;
      if (!xhtml) continue;
      const read = htmlPageText(xhtml);
      if ('error' in read) return read;
      if (read.text.trim()) chapters.push(read.text.trim());
    }
    if (chapters.length === 0) return { error: 'the book holds no text' };
    const title = DomUtils.getElementsByTagName('dc:title', dom).map((t) => DomUtils.textContent(t).trim())[0];
    return { text: `${chapters.join('\n\n')}\n`, ...(title ? { title } : {}) };
  },
};
