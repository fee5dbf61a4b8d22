// Markdown: decoded like text, rendered to HTML with markdown-it, then read as an HTML page. So `#`
// and `##` headings become titles, inline marks (`**90分钟**`, `[链接](…)`, `` `代码` ``) leave only
// their words, tables become rows with their headers, and HTML written into the Markdown is read as
// HTML (its comments, styles and scripts never become text). Front matter is metadata: its `title:`
// is the document's title when the text names none, and the rest is not text. Call-out boxes
// (`!!! tip "…"`, `::: tip`) are read by `markdown-containers.ts`.
import MarkdownIt from 'markdown-it';
import { MAX_UPLOAD_BYTES } from '../../limits.js';
import { decodeText } from './decode-text.js';
import type { FormatReader } from './format-reader.js';
import { htmlPageText } from './html-reader.js';
import { unwrapContainers } from './markdown-containers.js';

/** The HTML markdown-it makes is only ever read for its text (`html-to-text.ts`), never served. */
const markdown = new MarkdownIt({ html: true, linkify: false });

/** YAML front matter: `---` on the first line, the block, `---` (or `...`) alone on a line. */
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** A heading's attribute list (`## 软件安装 {#software-installation}`), which renders as text otherwise. */
const HEADING_ATTRIBUTES = /^(#{1,6}[ \t].*?)[ \t]*\{[#.][^}\n]*\}[ \t]*$/gm;

/** The front matter's title, unquoted. */
function frontMatterTitle(block: string): string | undefined {
  const line = /^title:[ \t]*(.*)$/m.exec(block)?.[1].trim();
  const title = line?.replace(/^(["'])(.*)\1$/, '$2').trim();
  return title ? title : undefined;
}

/** The Markdown without its front matter, and the front matter's title. */
export function splitFrontMatter(text: string): { body: string; title?: string } {
  const found = FRONT_MATTER.exec(text);
  if (!found) return { body: text };
  const title = frontMatterTitle(found[1]);
  return { body: text.slice(found[0].length), ...(title ? { title } : {}) };
}

export const markdownReader: FormatReader = {
  extensions: ['.md', '.markdown'],
  maxBytes: MAX_UPLOAD_BYTES,
  async read(bytes) {
    const decoded = decodeText(bytes);
    if ('error' in decoded) return decoded;
    const { body, title } = splitFrontMatter(decoded.text);
    const read = htmlPageText(markdown.render(unwrapContainers(body).replace(HEADING_ATTRIBUTES, '$1')));
    return 'error' in read || !title ? read : { ...read, title };
  },
};
