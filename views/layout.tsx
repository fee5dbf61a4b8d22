// The HTML frame every page shares.
import type { Child } from 'hono/jsx';

export function Layout(props: { title: string; children: Child }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
      </head>
      <body>{props.children}</body>
    </html>
  );
}
