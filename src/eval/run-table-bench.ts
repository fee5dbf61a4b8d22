// `npm run bench:tables`: a 100,000-row spreadsheet, as an .xlsx sheet and as a CSV, read by its
// reader and parsed into passages: the time each step takes and the peak memory of the process doing
// it (each file in a process of its own, so the peak is that file's). Embedding is left out: it costs
// the same per passage whatever the format (`npm run bench`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { runCli } from '../cli/run-cli.js';
import { documentOf } from '../ingest/document-of.js';
import { readerFor } from '../ingest/formats/format-reader.js';

const ROWS = 100_000;
const HEADER = ['编号', '地区', '日期', '品名', '数量', '金额（元）'];
const PLACES = ['浙江', '广东', '江苏', '山东', '河南', '四川'];

/** Row i of the sheet: every cell differs from row to row, as a ledger's do. */
const rowOf = (i: number): [number, string, Date, string, number, number] => [i, PLACES[i % 6], new Date(Date.UTC(2025, i % 12, 1 + (i % 28))), `商品${i % 997}号`, i % 50, Math.round(i * 37) / 100];

async function writeWorkbook(path: string): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = book.addWorksheet('明细');
  sheet.addRow(HEADER).commit();
  for (let i = 1; i <= ROWS; i++) sheet.addRow(rowOf(i)).commit();
  await book.commit();
}

function writeCsv(path: string): void {
  const lines = [HEADER.join(',')];
  for (let i = 1; i <= ROWS; i++) lines.push(rowOf(i).map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : String(c))).join(','));
  writeFileSync(path, lines.join('\n') + '\n');
}

/** In the measuring process: read one file and parse it, then print the figures as JSON. */
async function measure(path: string): Promise<void> {
  const bytes = readFileSync(path);
  let started = performance.now();
  const read = await readerFor(path)!.read(bytes);
  if ('error' in read) throw new Error(read.error);
  const readSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const { passages } = documentOf({ id: 'sheet', path, name: 'sheet', text: read.text, ...(read.rows ? { rows: read.rows } : {}) });
  const parseSeconds = (performance.now() - started) / 1000;
  const lastRow = passages.at(-1)?.tableRow?.row;
  console.log(JSON.stringify({ megabytes: bytes.length / 1e6, readSeconds, parseSeconds, passages: passages.length, lastRow, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

runCli(async () => {
  if (process.argv[2] === 'measure') return measure(process.argv[3]);
  const work = mkdtempSync(join(tmpdir(), 'xunyuan-tables-'));
  try {
    const files = { xlsx: join(work, '明细.xlsx'), csv: join(work, '明细.csv') };
    await writeWorkbook(files.xlsx);
    writeCsv(files.csv);
    console.log(`${ROWS.toLocaleString('en')} rows of ${HEADER.length} columns, each in a process of its own (read = the format's reader; parse = cleaning, paragraphs, passages)`);
    console.log('| file | size | read | parse | passages | last row cited | peak RSS |\n|---|---|---|---|---|---|---|');
    for (const [kind, path] of Object.entries(files)) {
      const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), 'measure', path], { encoding: 'utf8' });
      const f = JSON.parse(out.trim().split('\n').at(-1)!);
      console.log(`| .${kind} | ${f.megabytes.toFixed(1)} MB | ${f.readSeconds.toFixed(1)} s | ${f.parseSeconds.toFixed(1)} s | ${f.passages.toLocaleString('en')} | 第${f.lastRow}行 | ${Math.round(f.peakRssMb)} MB |`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
