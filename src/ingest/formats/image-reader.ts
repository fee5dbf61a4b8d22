// Page images (scans, photos of print): read by OCR on this machine (`ocr.ts`). The image's size is
// read from its header first, so a file that is no image, or one too large to read in reasonable
// time and memory, is refused before any decoding.
import { imageSize } from 'image-size';
import { MAX_BINARY_UPLOAD_BYTES } from '../../limits.js';
import type { FormatReader, ReadResult } from './format-reader.js';
import { ocrPageText, type PageReader } from './ocr.js';
import { tiffSizes } from './tiff-sizes.js';

/** 40 megapixels: an A3 page at 300 dpi is 17; a 20,000 × 20,000 image (400) would take minutes and gigabytes. */
export const MAX_IMAGE_PIXELS = 40_000_000;

export const OCR_OFF = 'it is a page image and OCR is off (OCR=0)';

/** The text of one page image, or why it cannot be read; `offset` and `page` place it in a longer document. */
export async function readPageImage(bytes: Buffer, ocr: PageReader | undefined, offset = 0, page?: number): Promise<ReadResult> {
  let size: { width: number; height: number };
  try {
    const { width, height } = imageSize(bytes);
    size = { width, height };
  } catch {
    return { error: 'not a readable image' };
  }
  // A TIFF's other directories and repeated tags count too: the decoder may read any of them.
  const largest = [size, ...(tiffSizes(bytes) ?? [])].reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
  if (largest.width * largest.height > MAX_IMAGE_PIXELS) {
    return { error: `the image is ${largest.width} × ${largest.height} pixels; at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels are read` };
  }
  if (!ocr) return { error: OCR_OFF };
  try {
    const { text, scan } = ocrPageText(await ocr.read(bytes, size), offset, page);
    return { text, scans: [scan] };
  } catch (err) {
    return { error: `the image could not be read: ${(err as Error).message ?? String(err)}` };
  }
}

export const imageReader: FormatReader = {
  extensions: ['.png', '.jpg', '.jpeg', '.tif', '.tiff'],
  maxBytes: MAX_BINARY_UPLOAD_BYTES,
  read: (bytes, context) => readPageImage(bytes, context?.ocr),
};
