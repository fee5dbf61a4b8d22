// GET /docs/:id — the cleaned document, article by article, with an anchor on every paragraph. A
// citation link names the paragraph and the quoted sentence's offsets; that paragraph is highlighted
// and the sentence marked. A spreadsheet's rows are shown as their table (`sheet-table.tsx`).
import type { StoredDocument, StoredParagraph } from '../src/ingest/document-model.js';
import type { ScanLine } from '../src/ingest/formats/ocr.js';
import { describeProgress, type StartProgress } from '../src/engine/start-progress.js';
import { Layout } from './layout.js';
import { MarkedText } from './marked-text.js';
import { paragraphRuns, SheetTable } from './sheet-table.js';
import { scanImageUrl } from '../src/urls.js';

export interface Cited {
  anchor: string;
  start: number;
  end: number;
}

function Paragraph(props: { p: StoredParagraph; cited?: Cited }) {
  const { p, cited } = props;
  const isCited = cited?.anchor === p.anchor;
  const marks = isCited && cited.end > cited.start && cited.end <= p.text.length ? [{ start: cited.start, end: cited.end }] : [];
  const text = <MarkedText text={p.text} marks={marks} markClass="quote" />;
  const attributes = { id: p.anchor, class: isCited ? `${p.kind} cited` : p.kind, 'aria-current': isCited ? 'location' : undefined };
  return p.kind === 'heading' ? <h3 {...attributes}>{text}</h3> : <p {...attributes}>{text}</p>;
}

/** A paged source (PDF) marks where each page starts, so a citation's 第N页 can be checked against the file. */
function PageMark(props: { page: number }) {
  return (
    <p class="page-mark" id={`page-${props.page}`}>
      第 {props.page} 页
    </p>
  );
}

/** The cited paragraph, and the quoted sentence's span in the source (the paragraph's cleaning barely moves a PDF's or a scan's text). */
interface CitedSpan {
  paragraph: StoredParagraph;
  quote?: { start: number; end: number };
}

const overlaps = (line: ScanLine, start: number, end: number) => line.start < end && line.end > start;

/**
 * A page beside the text, as printed: a scan, or a PDF text page drawn from the file. The lines of the
 * cited paragraph are outlined (from OCR's or pdf.js's line boxes) and those of the quoted sentence
 * shaded, so a reader can check the quote against the print. SVG, because the page's CSP allows no
 * inline styles and SVG places the boxes by attributes.
 */
function ScanFigure(props: { doc: StoredDocument; index: number; cited?: CitedSpan }) {
  const scan = props.doc.scans![props.index];
  const { cited } = props;
  const lines = cited ? scan.lines.filter((l) => overlaps(l, cited.paragraph.sourceStart, cited.paragraph.sourceEnd)) : [];
  const label = scan.page ? `第 ${scan.page} 页原图` : '原图';
  return (
    <figure class="scan" id={`scan-${props.index}`}>
      <svg viewBox={`0 0 ${scan.width} ${scan.height}`} role="img" aria-label={label}>
        <image href={scanImageUrl(props.doc.id, props.index)} width={scan.width} height={scan.height} />
        {lines.map((l) => (
          <rect
            class={cited?.quote && overlaps(l, cited.quote.start, cited.quote.end) ? 'cited-line quoted-line' : 'cited-line'}
            x={l.box.x0 - 4}
            y={l.box.y0 - 4}
            width={l.box.x1 - l.box.x0 + 8}
            height={l.box.y1 - l.box.y0 + 8}
          />
        ))}
      </svg>
      <figcaption>{lines.length ? `${label}：框出的是引文所在的行，涂色的是引用的句子` : label}</figcaption>
    </figure>
  );
}

/** The cited paragraph and its quoted sentence, placed in the source. */
function citedSpan(doc: StoredDocument, cited: Cited | undefined): CitedSpan | undefined {
  const paragraph = cited ? doc.articles.flatMap((a) => a.paragraphs).find((p) => p.anchor === cited.anchor) : undefined;
  if (!paragraph || !cited) return undefined;
  const quoted = cited.end > cited.start && cited.end <= paragraph.text.length;
  return { paragraph, ...(quoted ? { quote: { start: paragraph.sourceStart + cited.start, end: paragraph.sourceStart + cited.end } } : {}) };
}

export function DocumentPage(props: { doc: StoredDocument; cited?: Cited }) {
  const { doc, cited } = props;
  const citedParagraph = citedSpan(doc, cited);
  // The pages holding the cited paragraph come first (a paragraph across a page break: both pages);
  // without a citation, every scan in order. A PDF's text pages are shown only where cited.
  const scans = (doc.scans ?? []).map((_, i) => i);
  const holdsCited = (i: number) => citedParagraph !== undefined && doc.scans![i].lines.some((l) => overlaps(l, citedParagraph.paragraph.sourceStart, citedParagraph.paragraph.sourceEnd));
  const shown = scans.filter(holdsCited);
  const order = [...shown, ...scans.filter((i) => !shown.includes(i) && !doc.scans![i].rendered)];
  let page: number | undefined;
  const startsPage = (p: StoredParagraph) => {
    const starts = p.page !== undefined && p.page !== page;
    page = p.page ?? page;
    return starts;
  };
  return (
    <Layout title={`${doc.title} · 寻源`} scripts>
      <p class="doc-back">
        <a href="/" data-back>
          ← 返回对话
        </a>
      </p>
      {order.length ? (
        <aside class="scans" aria-label="原图">
          {order.map((i) => (
            <ScanFigure doc={doc} index={i} cited={citedParagraph} />
          ))}
        </aside>
      ) : (
        ''
      )}
      <div class="doc">
        <h1>{doc.title}</h1>
        <p class="doc-path">文件：{doc.path}</p>
        {doc.articles.length > 1 ? (
          <nav class="outline" aria-label="目录">
            <ol>
              {doc.articles.map((article) => (
                <li>
                  <a href={`#a${article.index}`}>{article.title}</a>
                </li>
              ))}
            </ol>
          </nav>
        ) : (
          ''
        )}
        {doc.articles.map((article) => (
          <article id={`a${article.index}`} aria-labelledby={`a${article.index}-title`}>
            <h2 id={`a${article.index}-title`}>{article.title}</h2>
            {paragraphRuns(article.paragraphs).map((run) =>
              'table' in run ? (
                <SheetTable rows={run.table} cited={cited} />
              ) : (
                <>
                  {startsPage(run.paragraph) ? <PageMark page={run.paragraph.page!} /> : ''}
                  <Paragraph p={run.paragraph} cited={cited} />
                </>
              ),
            )}
          </article>
        ))}
      </div>
    </Layout>
  );
}

export function NotFoundPage() {
  return (
    <Layout title="找不到页面 · 寻源">
      <h1>找不到这个页面</h1>
      <p>
        <a href="/">返回提问</a> · <a href="/docs">浏览文档</a>
      </p>
    </Layout>
  );
}

/** While the index loads or builds: what is happening, how far, and a page that refreshes itself every 3 s. */
export function LoadingPage(props: { progress?: StartProgress }) {
  const { progress } = props;
  return (
    <Layout title="寻源 · 正在加载" reloadSeconds={3}>
      <h1>索引加载中</h1>
      {progress ? (
        <>
          <p role="status">{describeProgress(progress)}</p>
          {progress.total > 0 ? <progress max={progress.total} value={progress.done} aria-label={progress.phase === 'reading' ? '读取文件' : '计算段落向量'} /> : ''}
        </>
      ) : (
        ''
      )}
      <p>
        寻源正在准备文档索引，本页每 3 秒自动更新，准备好后即可提问。<a href="">刷新</a>
      </p>
    </Layout>
  );
}
