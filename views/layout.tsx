// The HTML frame every page shares: styles and scripts come from /assets only (no CDN, no inline
// script), which the Content-Security-Policy enforces.
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

/**
 * `reloadSeconds`: a page that follows work under way (the loading page, upload jobs) is fetched again
 * this often by the page's script, which swaps in the new content and reloads once the work is done.
 * Not a meta refresh, which reloads under a reader's feet (WCAG 2.2.1); without script the page offers
 * a link to reload instead.
 */
export function Layout(props: { title: string; children: Child; scripts?: boolean; reloadSeconds?: number }) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content='{"includeIndicatorCSS":false}' />
        <title>{props.title}</title>
        <link rel="stylesheet" href="/assets/style.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        {props.scripts || props.reloadSeconds ? (
          <>
            <script src="/assets/htmx.min.js" defer></script>
            <script src="/assets/chat.js" defer></script>
          </>
        ) : (
          ''
        )}
      </head>
      <body>
        <a class="skip-link" href="#main">
          跳到正文
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            寻源 <small>中文文档问答</small>
          </a>
          <nav aria-label="站点">
            <a href="/">提问</a>
            <a href="/docs">文档</a>
          </nav>
        </header>
        <main id="main" data-reload-every={props.reloadSeconds ? String(props.reloadSeconds * 1000) : undefined}>
          {props.children}
        </main>
      </body>
      </html>
    </>
  );
}
