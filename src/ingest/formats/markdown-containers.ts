// Markdown extensions for call-out boxes that markdown-it does not know: MkDocs admonitions
// (`!!! tip "标题"` with the box's text indented four spaces below, `???` for a folded one) and
// VuePress/VitePress containers (`::: tip 标题` … `:::`). Unread, the marker lines became text that
// repeats across a collection (`!!! abstract "导言"`) and an admonition's indented text became a code
// block. Read, the box's title is a bold line and its text ordinary paragraphs.

const ADMONITION = /^([ \t]*)(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+"([^"]*)")?[ \t]*$/;
const CONTAINER = /^[ \t]*:{3,}[ \t]*(?:[\w-]+)?[ \t]*(.*?)[ \t]*$/;

export function unwrapContainers(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const admonition = ADMONITION.exec(lines[i]);
    if (admonition) {
      const [, indent, title] = admonition;
      out.push(title ? `${indent}**${title}**` : '', '');
      // The box's text: the lines indented four more than its marker, and blank lines between them.
      const inner = `${indent}    `;
      while (i + 1 < lines.length && (lines[i + 1].startsWith(inner) || (lines[i + 1].trim() === '' && lines[i + 2]?.startsWith(inner)))) {
        i++;
        out.push(indent + lines[i].slice(inner.length));
      }
      continue;
    }
    const container = CONTAINER.exec(lines[i]);
    if (container) {
      out.push(container[1] ? `**${container[1]}**` : '', '');
      continue;
    }
    out.push(lines[i]);
  }
  return out.join('\n');
}
