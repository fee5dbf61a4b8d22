// A PDF page drawn as the source view shows it (pdf.js through unpdf on @napi-rs/canvas, at the scale
// its line boxes were placed for: `VIEW_SCALE`). Runs in the reader process (`read-isolated.ts`), as
// reading does: drawing a hostile page may take long or much memory, and then only that process pays.
import { getDocumentProxy, renderPageAsImage } from 'unpdf';
import { MAX_IMAGE_PIXELS } from './image-reader.js';
import { VIEW_SCALE } from './pdf-reader.js';

/** The result of drawing a page: a PNG, or why not. */
export type RenderResult = { image: Uint8Array } | { error: string };

export async function renderPdfPage(bytes: Buffer, page: number): Promise<RenderResult> {
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (err) {
    return { error: `the PDF could not be opened: ${(err as Error).message}` };
  }
  try {
    if (!Number.isInteger(page) || page < 1 || page > pdf.numPages) return { error: `the PDF has no page ${page}` };
    const { width, height } = (await pdf.getPage(page)).getViewport({ scale: VIEW_SCALE });
    if (width * height > MAX_IMAGE_PIXELS) return { error: `page ${page} is ${Math.round(width)} × ${Math.round(height)} pixels at the view's scale; too large to draw` };
    const image = await renderPageAsImage(pdf, page, { canvasImport: () => import('@napi-rs/canvas'), scale: VIEW_SCALE });
    return { image: new Uint8Array(image) };
  } catch (err) {
    return { error: `page ${page} could not be drawn: ${(err as Error).message}` };
  } finally {
    await pdf.destroy();
  }
}
