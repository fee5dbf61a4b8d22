// What each file's reader made of it, by the hash of its bytes: reading a folder again (a re-index,
// an upload, watch mode) parses only the files that changed. Entries no read has asked for since the
// one before are dropped, so the cache holds about one corpus' worth of text.
import { createHash } from 'node:crypto';
import type { FormatReader, ReadContext, ReadResult } from './formats/format-reader.js';

export class ParseCache {
  private entries = new Map<string, ReadResult>();
  private used = new Set<string>();

  async read(reader: FormatReader, bytes: Buffer, context?: ReadContext): Promise<ReadResult> {
    const key = `${reader.extensions[0]}:${createHash('sha256').update(bytes).digest('base64')}`;
    this.used.add(key);
    let result = this.entries.get(key);
    if (!result) {
      result = await reader.read(bytes, context);
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
