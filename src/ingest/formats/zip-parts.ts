// The sizes an Office file (a ZIP archive) declares for its parts, read from its central directory
// without inflating anything: a 150 KB .docx can hold a document.xml of 100 MB.

export interface ZipPart {
  name: string;
  /** The size the archive says the part inflates to. */
  size: number;
}

/** The parts of a ZIP archive as its central directory lists them; empty when there is none to read. */
export function zipParts(bytes: Buffer): ZipPart[] {
  // The end-of-directory record is in the last 64 KB + 22 bytes (its comment is at most 64 KB).
  const from = Math.max(0, bytes.length - 65_557);
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]), bytes.length - 22);
  if (end < from) return [];
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const parts: ZipPart[] = [];
  for (let i = 0; i < count && at + 46 <= bytes.length && bytes.readUInt32LE(at) === 0x02014b50; i++) {
    const nameLength = bytes.readUInt16LE(at + 28);
    parts.push({ name: bytes.toString('utf8', at + 46, at + 46 + nameLength), size: bytes.readUInt32LE(at + 24) });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return parts;
}
