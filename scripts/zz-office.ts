import { openCorpusEngine } from '../src/eval/cmrc-engine.js';
const e = await openCorpusEngine([], '/tmp/office', '/tmp/office-index');
for (const d of e.documents()) console.log(d.id, '|', d.title, '|', d.articles.map((a) => `${a.title}[${a.paragraphs.map((p) => `${p.kind}:${p.text.slice(0, 30)}`).join(' / ')}]`).join(' // '));
for (const q of ['会议是谁主持的?', '会议是哪天开的?', '会议在哪里开的?', '通知是哪个部门发的?', '国庆节放几天假?', '预算草案什么时候交?']) {
  const r = await e.ask({ question: q });
  console.log(q, '→', r.answer?.text ?? `(null) top: ${r.passages[0]?.text.slice(0, 40)} v=${r.passages[0]?.scores.vector}`);
}
