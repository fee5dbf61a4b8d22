// Broad questions (这几篇报道讲了什么, 有哪些文章, 概括一下) have no one sentence for an answer: they
// are answered from the documents' structure (`../answer/overview.ts`).

/** What asks about the documents as a whole. */
const BROAD = /(讲|说|写|报道|介绍|谈)(了|的)?(些|是)?(什么|啥)(内容)?|有(哪些|什么|几篇)(文章|报道|文档|内容|新闻|文件|材料)?|(主要)?内容(是什么|有哪些)?|概括|概述|总结|大意|梗概|摘要/g;

/** Words that only point at the documents (这几篇报道, 文档里) or ask politely. */
const POINTING = /这|那|几|主要|大概|篇|些|个|份|本|所有|全部|文档|文章|报道|新闻|文件|材料|资料|里面|里|中|上|的|都|一下|请|帮我|给我|你|能|可以|吗|呢|啊|[?？!！。,，\s]/g;

/** True when the question asks about the documents as a whole, naming nothing in them. */
export function isOverviewQuestion(question: string): boolean {
  const broad = question.match(BROAD);
  if (!broad) return false;
  return question.replace(BROAD, '').replace(POINTING, '') === '';
}
