// The parts of a ZIP-based format (slides, e-books) that a reader needs, inflated by fflate, each at
// most a bounded size: a part whose declared size is larger is refused before it is inflated, and the
// reader's heap limit (`read-isolated.ts`) stops one that understates it.
import { unzipSync } from 'fflate';
import { DomUtils, parseDocument } from 'htmlparser2';

/** The most one part may inflate to: far past any slide or chapter, far below the reader's heap. */
export const MAX_ZIP_ENTRY_BYTES = 64 * 1024 * 1024;

/** The wanted parts as text, by name; or why the archive cannot be read. */
export function zipEntries(bytes: Buffer, wanted: (name: string) => boolean, format: string): Map<string, string> | { error: string } {
  let oversized: string | undefined;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        if (file.originalSize > MAX_ZIP_ENTRY_BYTES) oversized = file.name;
        return file.originalSize <= MAX_ZIP_ENTRY_BYTES;
      },
    });
  } catch (err) {
    return { error: `not a readable ${format}: ${(err as Error).message.split('\n')[0]}` };
  }
  if (oversized) return { error: `its ${oversized} inflates past ${MAX_ZIP_ENTRY_BYTES / 1024 / 1024} MB` };
  const decoder = new TextDecoder('utf-8');
  return new Map(Object.entries(files).map(([name, data]) => [name, decoder.decode(data)]));
}

/** An XML part as a DOM (htmlparser2 in XML mode: names keep their prefixes, `p:sp`, `a:t`). */
export const parseXml = (xml: string) => parseDocument(xml, { xmlMode: true });

/** The title in an Office file's document properties (`docProps/core.xml`), if set. */
export function coreTitle(core: string | undefined): string | undefined {
  const title = core ? DomUtils.getElementsByTagName('dc:title', parseXml(core)).map((t) => DomUtils.textContent(t).trim())[0] : undefined;
  return title || undefined;
}

/** A node or nodes of a parsed part, as htmlparser2's DomUtils take them. */
export type XmlNode = Parameters<typeof DomUtils.getElementsByTagName>[1];
