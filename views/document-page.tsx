// GET /docs/:id — the cleaned document, article by article, with an anchor on every paragraph.
import type { StoredDocument } from '../src/search/corpus-index.js';
import { Layout } from './layout.js';

export function DocumentPage(props: { doc: StoredDocument }) {
  const { doc } = props;
  return (
    <Layout title={`${doc.title} · 寻源`}>
      <p>
        <a href="/">← 返回提问</a>
      </p>
      <h1>{doc.title}</h1>
      <p>{doc.path}</p>
      {doc.articles.map((article) => (
        <article id={`a${article.index}`}>
          <h2>{article.title}</h2>
          {article.paragraphs.map((p) =>
            p.kind === 'heading' ? (
              <h3 id={p.anchor}>{p.text}</h3>
            ) : (
              <p id={p.anchor} class={p.kind}>
                {p.text}
              </p>
            ),
          )}
        </article>
      ))}
    </Layout>
  );
}

export function DocumentListPage(props: { docs: StoredDocument[] }) {
  return (
    <Layout title="文档 · 寻源">
      <h1>文档</h1>
      <ul>
        {props.docs.map((d) => (
          <li>
            <a href={`/docs/${encodeURIComponent(d.id)}`}>{d.title}</a>
            <ul>
              {d.articles.map((a) => (
                <li>
                  <a href={`/docs/${encodeURIComponent(d.id)}#a${a.index}`}>{a.title}</a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
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
