// What an engine is opened with: the folders, the index, the model and how to build.
import type { ChunkOptions } from '../ingest/chunk-passages.js';
import type { OcrEngineName } from '../ingest/formats/ocr.js';
import type { Embedder } from '../search/embed/embedder.js';
import type { BuildProgress } from '../search/index/build-index.js';
import type { BackendName } from '../search/index/backends.js';

export interface EngineOptions {
  corpusDir: string;
  /** Folder of documents added through the API; indexed with the corpus when it exists. Without it, nothing can be added. */
  uploadsDir?: string;
  /** This server's index folder; with `objectStore`, its working copy of the index kept there. */
  indexDir: string;
  /** Where the index is shared on object storage (`s3://bucket/prefix`): published there by the writer, copied from there by every server. */
  objectStore?: string;
  /** The index backend (default Orama). */
  indexBackend?: BackendName;
  modelDir: string;
  chunking?: ChunkOptions;
  /** Rebuild even when the stored index is current. */
  rebuild?: boolean;
  log?: (line: string) => void;
  onProgress?: (progress: BuildProgress) => void;
  /** After each file of the folders is read, with how many of how many, and its path when it became a document. */
  onRead?: (done: number, total: number, path?: string) => void;
  /** Query vectors kept for repeated questions (0 turns the cache off, as the latency bench does). */
  queryCacheSize?: number;
  /** An embedder already loaded (tests share one); otherwise the model in `modelDir` is loaded. */
  embedder?: Embedder;
  /** Embed questions that arrive together in one model call (default on; off for the load bench's comparison). */
  queryBatching?: boolean;
  /** Read page images and scanned PDF pages by OCR (default on; OCR=0 turns it off). */
  ocr?: boolean;
  /**
   * A first build (no stored build made with this model) on the default backend serves as soon as the
   * files are read: keyword search alone, over an index kept in memory, while the model embeds (`npm
   * start`). Otherwise opening waits for the build, as the command line, the evaluations and a LanceDB
   * index too large for memory need.
   */
  serveWhileBuilding?: boolean;
  /** The OCR engine (default Tesseract; OCR_ENGINE=ppocr for PP-OCRv4). */
  ocrEngine?: OcrEngineName;
}
