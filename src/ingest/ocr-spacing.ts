// Whether a text carries OCR's spaces: scanners put spaces between Chinese characters (`中国共 产党`)
// where no author would. Measured per document: the seed page that was scanned with them has a gap
// between Han characters for every 17 Han characters (0.059, 298 gaps); the other seed pages, CMRC and
// DRCD paragraphs and 76 real documents (laws' `第十七条 已满…`, headline parts, bylines) stay at or
// under 0.019, with at most 60 such gaps. Only an OCR-spaced text has those spaces taken out.

/** Gaps between Han characters per Han character, and how many gaps, past which spaces are OCR's. */
const OCR_GAP_SHARE = 0.03;
const OCR_MIN_GAPS = 20;

const HAN_GAP = /[\u3400-\u9fff][ \t]+(?=[\u3400-\u9fff])/g;
const HAN = /[\u3400-\u9fff]/g;

export function looksOcrSpaced(text: string): boolean {
  const gaps = text.match(HAN_GAP)?.length ?? 0;
  if (gaps < OCR_MIN_GAPS) return false;
  return gaps / (text.match(HAN)?.length ?? 1) >= OCR_GAP_SHARE;
}
