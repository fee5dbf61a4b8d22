// `npm run bench:ocr`: the OCR engines side by side, each in a process of its own so that its peak
// memory is its own. A Simplified page (a seed article) and a Traditional one (DRCD dev's first
// paragraphs, CC BY-SA 3.0) are set as printed A4 pages (10.5 pt, 36 characters a line) with
// @napi-rs/canvas at 150 and 300 dpi, read back by each engine, and compared character by character
// with what was set (Levenshtein distance over the characters, whitespace left out). Also how fast a
// PDF's text layer reads. Needs a Chinese font on the machine (Debian: fonts-wqy-zenhei).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { distance } from 'fastest-levenshtein';
import { runCli } from '../cli/run-cli.js';
import { isOcrEngineName, OCR_ENGINES, ocrPageText, OcrPageReader } from '../ingest/formats/ocr.js';
import { pdfReader } from '../ingest/formats/pdf-reader.js';

const PAGE_INCHES = { width: 8.27, height: 11.69 };
const LINE_CHARS = 36;
const PAGE_LINES = 40;
const PDF_READS = 20;
const DPIS = [150, 300];

const chars = (text: string) => text.replace(/\s+/g, '');

/** A text's characters as lines of LINE_CHARS, as many as fit a page. */
function pageLines(text: string): string[] {
  const body = chars(text);
  const lines: string[] = [];
  for (let i = 0; i < body.length && lines.length < PAGE_LINES; i += LINE_CHARS) lines.push(body.slice(i, i + LINE_CHARS));
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

/** The two test pages' lines: a seed article, and DRCD dev's first paragraphs. */
function pages(): Record<string, string[]> {
  const drcd = readFileSync(resolve('..', 'shared', 'bench', 'drcd-dev.docs.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 4);
  return {
    Simplified: pageLines(readFileSync(resolve('seeds', '000_7fb4536401fc41c5.txt'), 'utf8')),
    Traditional: pageLines(drcd.map((line) => (JSON.parse(line) as { text: string }).text).join('')),
  };
}

function chineseFont(): string {
  const font = GlobalFonts.families.map((f) => f.family).find((f) => /WenQuanYi|Noto Sans CJK|Source Han/i.test(f));
  if (!font) throw new Error('no Chinese font found for the canvas; install one (Debian: apt-get install fonts-wqy-zenhei)');
  return font;
}

/** In the measuring process: one engine on each page at each dpi, printed as JSON lines. */
async function measure(engine: string): Promise<void> {
  if (!isOcrEngineName(engine)) throw new Error(`no OCR engine ${engine}`);
  const font = chineseFont();
  // Without a cache folder every read runs the engine: the first read warms it, the second is timed.
  const ocr = new OcrPageReader({ engine });
  try {
    for (const [script, lines] of Object.entries(pages())) {
      const truth = chars(lines.join(''));
      for (const dpi of DPIS) {
        const image = renderPage(lines, dpi, font);
        const size = { width: Math.round(PAGE_INCHES.width * dpi), height: Math.round(PAGE_INCHES.height * dpi) };
        await ocr.read(image, size);
        const started = performance.now();
        const page = await ocr.read(image, size);
        const seconds = (performance.now() - started) / 1000;
        const right = 1 - distance(chars(ocrPageText(page).text), truth) / truth.length;
        console.log(JSON.stringify({ script, dpi, seconds, right, characters: truth.length }));
      }
    }
  } finally {
    await ocr.close();
  }
  console.log(JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

runCli(async () => {
  if (process.argv[2] === 'measure') return measure(process.argv[3]);
  console.log(`font ${chineseFont()}; pages of ${PAGE_LINES} lines of ${LINE_CHARS} characters: a seed article (Simplified), DRCD dev (Traditional, CC BY-SA 3.0)`);
  const pdf = readFileSync(resolve('test/fixtures/formats/water-notice.pdf'));
  const started = performance.now();
  for (let i = 0; i < PDF_READS; i++) await pdfReader.read(pdf);
  console.log(`PDF text layer: ${((PDF_READS * 2) / ((performance.now() - started) / 1000)).toFixed(1)} pages/s (the 2-page fixture read ${PDF_READS} times)`);
  console.log('| engine | page | dpi | OCR s/page | characters right | peak RSS of its process |\n|---|---|---|---|---|---|');
  for (const engine of OCR_ENGINES) {
    const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), 'measure', engine], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const rows = out.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    const peak = Math.round(rows.find((r) => r.peakRssMb)?.peakRssMb ?? 0);
    for (const r of rows.filter((row) => row.script)) {
      console.log(`| ${engine} | ${r.script} (${r.characters} characters) | ${r.dpi} | ${r.seconds.toFixed(2)} | ${(r.right * 100).toFixed(1)}% | ${peak} MB |`);
    }
  }
});
