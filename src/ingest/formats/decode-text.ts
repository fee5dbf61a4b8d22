// A corpus file's bytes → its text, whatever Chinese encoding it was saved in: UTF-8 (with or without
// BOM), UTF-16 with a BOM, GBK/GB18030 or Big5. chardet ranks the candidate encodings, iconv-lite
// decodes; a decoding is accepted only if it reads as text (no replacement characters, almost no
// control characters), so a binary or damaged file is refused instead of indexed as noise.
import chardet from 'chardet';
import iconv from 'iconv-lite';

/**
 * Encodings a Chinese text file is likely to be in, tried after chardet's own guesses. UTF-16 without
 * a BOM is left to chardet (it sees the zero bytes): as a fallback it would read any bytes as text.
 */
const FALLBACKS = ['GB18030', 'Big5'];
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const MAX_CONTROL_SHARE = 0.01;

export type Decoded = { text: string; encoding: string } | { error: string };

function readsAsText(text: string): boolean {
  if (text.includes('\uFFFD')) return false;
  const controls = text.match(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g)?.length ?? 0;
  return controls <= text.length * MAX_CONTROL_SHARE;
}

function bomEncoding(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'UTF-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  return undefined;
}

export function decodeText(bytes: Buffer): Decoded {
  if (bytes.length === 0) return { text: '', encoding: 'UTF-8' };
  const bom = bomEncoding(bytes);
  // Valid UTF-8 is checked first and strictly: GB18030 would decode UTF-8 bytes too, wrongly.
  if (!bom || bom === 'UTF-8') {
    try {
      const text = strictUtf8.decode(bytes);
      if (readsAsText(text)) return { text, encoding: 'UTF-8' };
    } catch {
      // not UTF-8; try the others
    }
  }
  const guesses = bom ? [bom] : [...new Set([...chardet.analyse(bytes).filter((c) => c.confidence >= 10).map((c) => c.name), ...FALLBACKS])];
  for (const encoding of guesses) {
    if (!iconv.encodingExists(encoding)) continue;
    // iconv-lite strips the BOM of the encoding it decodes.
    const text = iconv.decode(bytes, encoding);
    if (readsAsText(text)) return { text, encoding };
  }
  return { error: bom ? `not valid ${bom}` : 'not text in any encoding tried (UTF-8, UTF-16, GB18030, Big5)' };
}
