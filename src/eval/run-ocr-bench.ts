// `npm run bench:ocr`: how fast PDF text and OCR read, how right OCR is, and the memory it takes.
// A seed page's text is set as a printed page (A4, 10.5 pt, 36 characters a line) with
// @napi-rs/canvas at 150 and 300 dpi, read back by OCR, and compared character by character with what
// was set (Levenshtein distance over the characters, whitespace left out). Needs a Chinese font on the
// machine (Debian: fonts-wqy-zenhei); it reports which one the canvas used.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { distance } from 'fastest-levenshtein';
import { runCli } from '../cli/run-cli.js';
import { ocrPageText, TesseractPageReader } from '../ingest/formats/ocr.js';
import { pdfReader } from '../ingest/formats/pdf-reader.js';

const PAGE_INCHES = { width: 8.27, height: 11.69 };
const LINE_CHARS = 36;
const PDF_READS = 20;

/** The seed page's body text, as lines of LINE_CHARS characters, as many as fit a page. */
function pageLines(text: string, maxLines: number): string[] {
  const body = text.replace(/\s+/g, '');
  const lines: string[] = [];
  for (let i = 0; i < body.length && lines.length < maxLines; i += LINE_CHARS) lines.push(body.slice(i, i + LINE_CHARS));
  return lines;
}

function renderPage(lines: string[], dpi: number, font: string): Buffer {
  const px = (inches: number) => Math.round(inches * dpi);
  const canvas = createCanvas(px(PAGE_INCHES.width), px(PAGE_INCHES.height));
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = '#000';
  const size = (10.5 / 72) * dpi;
  g.font = `${size}px "${font}"`;
  lines.forEach((line, i) => g.fillText(line, px(1), px(1) + (i + 1) * size * 1.6));
  return canvas.toBuffer('image/png');
}

const chars = (text: string) => text.replace(/\s+/g, '');

runCli(async () => {
  const font = GlobalFonts.families.map((f) => f.family).find((f) => /WenQuanYi|Noto Sans CJK|Source Han/i.test(f));
  if (!font) throw new Error('no Chinese font found for the canvas; install one (Debian: apt-get install fonts-wqy-zenhei)');
  const seed = readFileSync(resolve('seeds', '000_7fb4536401fc41c5.txt'), 'utf8');
  const lines = pageLines(seed, 40);
  const truth = chars(lines.join(''));
  console.log(`page: ${lines.length} lines, ${truth.length} characters of seed page 000, font ${font}`);

  const pdf = readFileSync(resolve('test/fixtures/formats/water-notice.pdf'));
  let started = performance.now();
  for (let i = 0; i < PDF_READS; i++) await pdfReader.read(pdf);
  console.log(`PDF text layer: ${((PDF_READS * 2) / ((performance.now() - started) / 1000)).toFixed(1)} pages/s (the 2-page fixture read ${PDF_READS} times)`);

  const ocr = new TesseractPageReader();
  try {
    console.log('| dpi | image | OCR s/page | characters right |\n|---|---|---|---|');
    for (const dpi of [150, 300]) {
      const image = renderPage(lines, dpi, font);
      const size = { width: Math.round(PAGE_INCHES.width * dpi), height: Math.round(PAGE_INCHES.height * dpi) };
      // Without a cache folder every read runs Tesseract: the first warms the worker, the second is timed.
      await ocr.read(image, size);
      started = performance.now();
      const page = await ocr.read(image, size);
      const seconds = (performance.now() - started) / 1000;
      const read = chars(ocrPageText(page).text);
      const right = 1 - distance(read, truth) / truth.length;
      console.log(`| ${dpi} | ${size.width} × ${size.height} | ${seconds.toFixed(2)} | ${(right * 100).toFixed(1)}% |`);
    }
  } finally {
    await ocr.close();
  }
  console.log(`peak RSS of the process (Tesseract runs in its worker thread): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
});
