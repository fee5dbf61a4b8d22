// PowerPoint slides (.pptx): each slide a page titled by its title placeholder (`## 标题`, or 第N张幻灯片
// when it has none), its other text boxes as paragraphs, in the presentation's own order; the speaker
// notes kept apart, after the slide's text and marked 演讲者备注. The parts are read by fflate and
// htmlparser2 (`zip-entries.ts`); the title comes from the file's properties.
import { DomUtils } from 'htmlparser2';
import { MAX_BINARY_UPLOAD_BYTES } from '../../limits.js';
import type { FormatReader } from './format-reader.js';
import { PageWriter } from './pages.js';
import { coreTitle, parseXml, zipEntries, type XmlNode } from './zip-entries.js';

const WANTED = /^(?:ppt\/presentation\.xml|ppt\/_rels\/presentation\.xml\.rels|ppt\/slides\/(?:_rels\/)?slide\d+\.xml(?:\.rels)?|ppt\/notesSlides\/notesSlide\d+\.xml|docProps\/core\.xml)$/;

const byTag = (tag: string, node: XmlNode) => DomUtils.getElementsByTagName(tag, node);

/** Relationship ids to their targets, resolved against the folder of the part they belong to. */
function relationships(xml: string | undefined, folder: string): Map<string, { target: string; type: string }> {
  const out = new Map<string, { target: string; type: string }>();
  if (!xml) return out;
  for (const r of byTag('Relationship', parseXml(xml))) {
    const parts = `${folder}/${r.attribs.Target ?? ''}`.split('/');
    const resolved: string[] = [];
    for (const part of parts) {
      if (part === '..') resolved.pop();
      else if (part !== '' && part !== '.') resolved.push(part);
    }
    out.set(r.attribs.Id ?? '', { target: resolved.join('/'), type: r.attribs.Type ?? '' });
  }
  return out;
}

/** Slide parts in the order the presentation shows them (by number when it does not say). */
function slideOrder(parts: Map<string, string>): string[] {
  const rels = relationships(parts.get('ppt/_rels/presentation.xml.rels'), 'ppt');
  const presentation = parts.get('ppt/presentation.xml');
  const ordered = presentation ? byTag('p:sldId', parseXml(presentation)).flatMap((s) => rels.get(s.attribs['r:id'] ?? '')?.target ?? []) : [];
  const slides = [...parts.keys()].filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
  const number = (name: string) => Number(/(\d+)\.xml$/.exec(name)![1]);
  return ordered.length > 0 ? ordered.filter((name) => parts.has(name)) : slides.sort((a, b) => number(a) - number(b));
}

/** The placeholder kind of a shape (`title`, `ctrTitle`, `body`…), or undefined for a plain text box. */
const placeholderOf = (shape: XmlNode) => byTag('p:ph', shape)[0]?.attribs.type;

/** A shape's paragraphs, each its runs' text joined. */
const paragraphsOf = (shape: XmlNode) =>
  byTag('a:p', shape)
    .map((p) => byTag('a:t', p).map((t) => DomUtils.textContent(t)).join('').trim())
    .filter((text) => text !== '');

function slideText(xml: string, n: number, notes: string[]): string {
  const shapes = byTag('p:sp', parseXml(xml));
  const isTitle = (shape: XmlNode) => ['title', 'ctrTitle'].includes(placeholderOf(shape) ?? '');
  const title = shapes.filter(isTitle).flatMap(paragraphsOf).join(' ') || `第${n}张幻灯片`;
  const body = shapes.filter((s) => !isTitle(s)).flatMap(paragraphsOf);
  return [`## ${title}`, ...body, ...(notes.length ? [`演讲者备注：${notes.join(' ')}`] : [])].join('\n\n');
}

export const pptxReader: FormatReader = {
  extensions: ['.pptx'],
  maxBytes: MAX_BINARY_UPLOAD_BYTES,
  async read(bytes) {
    const parts = zipEntries(bytes, (name) => WANTED.test(name), 'PowerPoint file (.pptx)');
    if ('error' in parts) return parts;
    const slides = slideOrder(parts);
    if (slides.length === 0) return { error: 'not a readable PowerPoint file (.pptx): it holds no slides' };
    const pages = new PageWriter();
    slides.forEach((name, i) => {
      const folder = name.slice(0, name.lastIndexOf('/'));
      const rels = relationships(parts.get(`${folder}/_rels/${name.slice(folder.length + 1)}.rels`), folder);
      const notesPart = [...rels.values()].find((r) => r.type.endsWith('/notesSlide'))?.target;
      const notesXml = notesPart ? parts.get(notesPart) : undefined;
      const notes = notesXml ? byTag('p:sp', parseXml(notesXml)).filter((s) => placeholderOf(s) === 'body').flatMap(paragraphsOf) : [];
      pages.add(slideText(parts.get(name)!, i + 1, notes));
    });
    if (pages.empty) return { error: 'the slides hold no text' };
    const title = coreTitle(parts.get('docProps/core.xml'));
    return { text: pages.text, ...(title ? { title } : {}) };
  },
};
