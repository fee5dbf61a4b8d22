// Markdown: decoded like text, rendered to HTML with markdown-it, then read as an HTML page. So `#`
// and `##` headings become titles, and inline marks (`**90分钟**`, `[链接](…)`, `` `代码` ``) leave
// only their words, in the answers and in the source view alike.
import MarkdownIt from 'markdown-it';
import { MAX_UPLOAD_BYTES } from '../../limits.js';
import { decodeText } from './decode-text.js';
import type { FormatReader } from './format-reader.js';
import { htmlPageText } from './html-reader.js';

/** Raw HTML inside the Markdown is kept as text, never passed through as markup. */
const markdown = new MarkdownIt({ html: false, linkify: false });

export const markdownReader: FormatReader = {
  extensions: ['.md', '.markdown'],
  maxBytes: MAX_UPLOAD_BYTES,
  async read(bytes) {
    const decoded = decodeText(bytes);
    return 'error' in decoded ? decoded : htmlPageText(markdown.render(decoded.text));
  },
};
