// What each file's reader made of it, by the hash of its bytes: reading a folder again (a re-index,
// an upload, watch mode) parses only the files that changed. Entries no read has asked for since the
// one before are dropped, so the cache holds about one corpus' worth of text.
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { ReadContext, ReadResult } from './formats/format-reader.js';
import { readFileText } from './formats/read-file.js';

/** Reads one file's bytes with the reader its name calls for. */
export type ReadFile = (fileName: string, bytes: Buffer, context?: ReadContext) => Promise<ReadResult>;

export class ParseCache {
  private entries = new Map<string, ReadResult>();
  private used = new Set<string>();

  constructor(private readonly readFile: ReadFile = readFileText) {}

  async read(fileName: string, bytes: Buffer, context?: ReadContext): Promise<ReadResult> {
    const key = `${extname(fileName).toLowerCase()}:${createHash('sha256').update(bytes).digest('base64')}`;
    this.used.add(key);
    let result = this.entries.get(key);
    if (!result) {
      result = await this.readFile(fileName, bytes, context);
      this.entries.set(key, result);
    }
    return result;
  }

  /** Drops what was not read since the last call. */
  forgetUnused(): void {
    for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
    this.used.clear();
  }
}
