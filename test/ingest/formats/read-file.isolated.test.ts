// Where a file is read: a small text file in this process, anything else and any large file in the
// reader process, which a hostile file cannot take down with the server.
import { beforeEach, expect, it, vi } from 'vitest';

const isolated = vi.hoisted(() => vi.fn(async () => ({ text: 'read in the reader process' })));
vi.mock('../../../src/ingest/formats/read-isolated.js', () => ({ readIsolated: isolated }));

const { MAX_IN_PROCESS_BYTES, readFileText } = await import('../../../src/ingest/formats/read-file.js');

beforeEach(() => isolated.mockClear());

it('reads a small Markdown, HTML or text file here', async () => {
  const read = await readFileText('notice.md', Buffer.from('# 停水通知\n\n明天上午停水。\n'));
  expect('text' in read && read.text).toContain('明天上午停水。');
  await readFileText('page.html', Buffer.from('<p>开放时间</p>'));
  await readFileText('notes.TXT', Buffer.from('会议纪要'));
  expect(isolated).not.toHaveBeenCalled();
});

it('sends a large text file and every other format to the reader process', async () => {
  const large = Buffer.from(`# 大文件\n\n${'字'.repeat(MAX_IN_PROCESS_BYTES)}\n`);
  await readFileText('large.md', large);
  await readFileText('report.pdf', Buffer.from('%PDF-1.7'));
  await readFileText('table.csv', Buffer.from('a,b\n1,2\n'));
  expect(isolated.mock.calls.map((call) => (call as unknown[])[0])).toEqual(['large.md', 'report.pdf', 'table.csv']);
});
