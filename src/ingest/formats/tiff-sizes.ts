// Every image size a TIFF declares. image-size reads the first directory's first width and length;
// a decoder may read another directory (a TIFF holds several) or another of repeated tags, so a file
// can read 10 × 10 to the size check and 20,000 × 20,000 to Tesseract. The size check takes the largest.

/** Directories read at most: a chain of next-directory offsets may loop or run on. */
const MAX_DIRECTORIES = 64;

const WIDTH = 256;
const LENGTH = 257;

/** Each directory's largest width and length, or undefined when the bytes are no TIFF. */
export function tiffSizes(bytes: Buffer): { width: number; height: number }[] | undefined {
  const order = bytes.toString('latin1', 0, 2);
  if ((order !== 'II' && order !== 'MM') || bytes.length < 8) return undefined;
  const little = order === 'II';
  const u16 = (at: number) => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number) => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  if (u16(2) !== 42) return undefined;
  const sizes: { width: number; height: number }[] = [];
  const seen = new Set<number>();
  let at = u32(4);
  while (at > 0 && at + 2 <= bytes.length && !seen.has(at) && seen.size < MAX_DIRECTORIES) {
    seen.add(at);
    const count = u16(at);
    let width = 0;
    let height = 0;
    for (let i = 0; i < count; i++) {
      const entry = at + 2 + i * 12;
      if (entry + 12 > bytes.length) break;
      const tag = u16(entry);
      if (tag !== WIDTH && tag !== LENGTH) continue;
      // SHORT (3) values sit in the first two bytes of the value field, LONG (4) fill it.
      const value = u16(entry + 2) === 3 ? u16(entry + 8) : u32(entry + 8);
      if (tag === WIDTH) width = Math.max(width, value);
      else height = Math.max(height, value);
    }
    sizes.push({ width, height });
    const next = at + 2 + count * 12;
    at = next + 4 <= bytes.length ? u32(next) : 0;
  }
  return sizes;
}
