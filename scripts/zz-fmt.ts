import { openCorpusEngine } from '../src/eval/cmrc-engine.js';
const e = await openCorpusEngine([], '/tmp/fmtcorpus', '/tmp/fmtindex');
for (const d of e.documents()) console.log(d.id, d.title, d.articles.map((a) => `${a.title}[${a.paragraphs.map((p) => `${p.page ?? ''}:${p.text.slice(0, 12)}`).join('|')}]`).join(' / '));
for (const q of ['青石县水务局要更换多少公里老旧管道?', '第二阶段工程总投资多少?', '图书馆每次可以借几本书?', '食堂午餐标准是多少?']) {
  const r = await e.ask({ question: q });
  console.log(q, '→', r.answer?.text, r.passages[0]?.docId, r.passages[0]?.page);
}
