// Reading real documents the way their authors structured them, each detector on snippets of the
// kinds of text it was built for: statutes, titles, a collection's repeated lines, PDF running heads,
// tables, and spaces.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasUnmatchedBracket } from '../../src/ingest/classify-line.js';
import { cleanMetaTitle, isTitleLike } from '../../src/ingest/document-title.js';
import { htmlToText } from '../../src/ingest/formats/html-to-text.js';
import { markdownReader } from '../../src/ingest/formats/markdown-reader.js';
import { PAGE_BREAK } from '../../src/ingest/formats/pages.js';
import { looksOcrSpaced } from '../../src/ingest/ocr-spacing.js';
import { furnitureLines, repeatedLines } from '../../src/ingest/page-furniture.js';
import { parseDocument } from '../../src/ingest/parse-document.js';
import { tokenize } from '../../src/search/tokenize/tokenize.js';

const markdownText = async (source: string) => {
  const read = await markdownReader.read(Buffer.from(source));
  if ('error' in read) throw new Error(read.error);
  return read;
};

/** Paragraph texts of a parsed text. */
const paragraphsOf = (source: string, repeated?: ReadonlySet<string>) =>
  parseDocument('d', 'd.txt', source, 'd', { repeated }).articles.flatMap((a) => a.paragraphs.map((p) => p.text));

describe('statutes', () => {
  it('reads a law by article: its title, chapters as paths, each article whole with its number and its items', async () => {
    const read = await markdownText(readFileSync('test/fixtures/laws/labor-contract-law.md', 'utf8'));
    const law = parseDocument('law', 'law.md', read.text, 'law', { metaTitle: read.title });
    expect(law.title).toBe('中华人民共和国劳动合同法');
    const chapter = law.articles.find((a) => a.title === '中华人民共和国劳动合同法 › 第二章 劳动合同的订立')!;
    const article19 = chapter.paragraphs.find((p) => p.section === '第十九条')!;
    expect(article19.text).toMatch(/^第十九条 劳动合同期限三个月以上/);
    expect(article19.text).toContain('同一用人单位与同一劳动者只能约定一次试用期。');
    const article38 = law.articles.flatMap((a) => a.paragraphs).find((p) => p.section === '第三十八条')!;
    expect(article38.text).toContain('（三）未依法为劳动者缴纳社会保险费的。');
    // The HTML comment closing the law's head is never text.
    expect(law.articles.flatMap((a) => a.paragraphs).some((p) => p.text.includes('INFO END'))).toBe(false);
  });

  it('titles a work in parts by the work and the part, and an unmarked statute by its name line', () => {
    const parts = parseDocument('c', 'c.md', '# 中华人民共和国民法典\n\n# 总则\n\n2020年5月28日通过\n\n## 第一章 基本规定\n\n第一条 为了保护民事主体的合法权益，制定本法。\n\n第二条 民法调整平等主体之间的人身关系和财产关系。\n\n第三条 民事主体的人身权利受法律保护。\n', 'c');
    expect(parts.title).toBe('中华人民共和国民法典 · 总则');
    expect(parts.articles[1].title).toBe('中华人民共和国民法典 · 总则 › 第一章 基本规定');
    const plain = parseDocument('r', '章程.txt', '开源社章程\n\n第一章 总则\n\n第1条 开源社是由志愿者组成的开源社区联盟。\n\n第2条 开源社的宗旨是推广开源。\n\n第3条 开源社的成员自愿加入。\n', '章程');
    expect(plain.title).toBe('开源社章程');
    expect(plain.articles[1].paragraphs.map((p) => p.section)).toEqual(['第1条', '第2条', '第3条']);
    expect(plain.articles[1].paragraphs[0].text).toBe('第1条 开源社是由志愿者组成的开源社区联盟。');
  });

  it('finds an article by its number in either numerals', () => {
    expect(tokenize('劳动合同法第19条')).toContain('第十九条');
    expect(tokenize('第十九条 劳动合同期限')).toContain('第十九条');
    expect(tokenize('第一百零三条')).toEqual(tokenize('第103条'));
  });
});

describe('titles', () => {
  it('are not chapter headings, numbered or generic sections, speaker, glossary or date lines', () => {
    for (const heading of ['第一章 一般规定', '第一分编 通则', '1.准备工作', '一.概述', '概述', '省长 李炳军', '《政府工作报告》有关内容名词注释', '2026年']) {
      expect(isTitleLike(heading), heading).toBe(false);
    }
    for (const heading of ['2026年北京市政府工作报告', '浙江大学本科生毕业论文（设计）编写规则', '系學會會費開始收費啦！']) expect(isTitleLike(heading), heading).toBe(true);
  });

  it('take metadata when the text names nothing, cleaning an application default away', async () => {
    expect(cleanMetaTitle('Microsoft Word - RISCV 工具链数据报第五期.docx')).toBe('RISCV 工具链数据报第五期');
    expect(cleanMetaTitle('PowerPoint 簡報')).toBeUndefined();
    // A browser printing a page with no title of its own puts its address there.
    for (const address of ['about:blank', 'https://www.example.gov.cn/art/2025/1/3/art_1.html', 'file:///home/user/报告.html', 'C:\\Users\\me\\报告.htm', '/tmp/page.html']) {
      expect(cleanMetaTitle(address), address).toBeUndefined();
    }
    const read = await markdownText('---\ntitle: "師大資工 114 年度新生手冊"\ndate: "Aug 01 2025"\n---\n\n## 新生須知\n\n請在開學前完成繳費。\n');
    expect(read.title).toBe('師大資工 114 年度新生手冊');
    expect(read.text).not.toContain('Aug 01 2025');
    expect(parseDocument('f', 'f.md', read.text, 'announcement_114-freshman', { metaTitle: read.title }).title).toBe('師大資工 114 年度新生手冊');
  });

  it('take an unstyled first line right above a numbered section, not a later heading', () => {
    const manual = '若依系统开发环境搭建手册\n\n# 1. 准备工作\n\n若依基于Maven管理项目的构建。\n\n# 进入项目目录\n\n执行 npm install。\n\n# 2. 运行\n\n执行 npm run dev。\n';
    expect(parseDocument('r', 'r.docx', manual, 'ruoyi_env_manual').title).toBe('若依系统开发环境搭建手册');
    const notice = '各部门：\n\n# 1. 放假时间\n\n10月1日至7日放假。\n';
    expect(parseDocument('n', 'n.txt', notice, '放假通知').title).not.toBe('各部门：');
  });
});

describe('page furniture', () => {
  it('leaves out the lines a collection repeats across its documents, but not one a single document has', async () => {
    const banner = '开源社官网（2019 版）已存档、只读，请移步2022版官网关注最新信息~';
    const pages = Array.from({ length: 6 }, (_, i) => `# 第${i}次例会\n\n${banner}\n\n第${i}次会议讨论了年会的筹备。\n`);
    const repeated = await repeatedLines(pages);
    expect(repeated.has(banner)).toBe(true);
    expect(paragraphsOf(pages[0], repeated)).not.toContain(banner);
    expect((await repeatedLines([pages[0]])).size).toBe(0);
    expect((await repeatedLines(['# 甲法\n\n第一章 总则\n', '# 乙法\n\n第一章 总则\n', '# 丙法\n\n第一章 总则\n'])).has('第一章 总则')).toBe(false);
    expect((await repeatedLines(['# 后勤\n\n东区宿舍楼周三停水四小时。\n', '# 学生处\n\n东区宿舍楼周三停水四小时。\n', '# 宿管\n\n东区宿舍楼周三停水四小时。\n'])).size).toBe(0);
  });

  it('leaves out web chrome and source lines', () => {
    const page = '下载 打印 全屏 收藏\n\n【字号：加大 还原 减小】\n\n来源：北京日报\n\n2026年北京市政府工作报告\n\n过去一年，全市地区生产总值增长5.2%。\n';
    const report = parseDocument('r', 'r.html', page, 'r');
    expect(report.title).toBe('2026年北京市政府工作报告');
    expect(report.articles.flatMap((a) => a.paragraphs.map((p) => p.text))).toEqual(['过去一年，全市地区生产总值增长5.2%。']);
    const news = parseDocument('n', 'n.md', '# 新闻联播\n\n来源：[https://www.ruanyifeng.com/blog/2011/05/how_to_choose_free_software_licenses.html](https://www.ruanyifeng.com/blog/2011/05/how_to_choose_free_software_licenses.html)\n\n国务院常务会议研究部署防汛工作。\n\n查看原文\n\n【下一篇】\n\n查看原文件的人要登记。\n', 'n');
    expect(news.articles.flatMap((a) => a.paragraphs.map((p) => p.text))).toEqual(['国务院常务会议研究部署防汛工作。', '查看原文件的人要登记。']);
  });

  it('leaves out a PDF’s running head and its page numbers, never the text between them', () => {
    const rules = ['类名使用 UpperCamelCase 风格。', '代码中的命名均不能以下划线开始。', '常量命名全部大写，单词间用下划线隔开。', '抽象类命名使用 Abstract 开头。'];
    const page = (n: number) => `Java开发手册（黄山版）\n\n${n}. 【强制】${rules[n - 1]}\n\n${n}/51\n`;
    const source = [1, 2, 3, 4].map(page).join(`\n${PAGE_BREAK}\n`);
    const dropped = [...furnitureLines(source)].map((at) => source.slice(at, source.indexOf('\n', at)));
    expect(dropped.sort()).toEqual(['1/51', '2/51', '3/51', '4/51', ...Array(4).fill('Java开发手册（黄山版）')].sort());
    expect(paragraphsOf(source).join('\n')).not.toMatch(/黄山版|\/51/);
    expect(paragraphsOf('- 3 -\n\n正文写在这里。\n')).toEqual(['正文写在这里。']);
  });
});

describe('tables', () => {
  it('read each row with its header cells, in HTML and in Markdown', async () => {
    expect(htmlToText('<table><tr><th>年份</th><th>营业收入</th></tr><tr><td>2023</td><td>12.5亿元</td></tr></table>')).toBe('年份：2023，营业收入：12.5亿元\n');
    const read = await markdownText('| 地区 | 增速 |\n|---|---|\n| 浙江 | 5.5% |\n| 广东 | 4.8% |\n');
    expect(read.text).toBe('地区：浙江，增速：5.5%\n\n地区：广东，增速：4.8%\n');
  });

  it('take a first row of short labels as the header of a table that marks none', () => {
    expect(htmlToText('<table><tr><td>项目</td><td>投资</td></tr><tr><td>人民医院</td><td>4.33亿元</td></tr></table>')).toBe('项目：人民医院，投资：4.33亿元\n');
    expect(htmlToText('<table><tr><td>2023</td><td>12</td></tr><tr><td>2024</td><td>15</td></tr></table>')).toBe('2023，12\n\n2024，15\n');
  });
});

describe('spaces', () => {
  it('keep the author’s spaces in born-digital text and take OCR’s out of scanned text', () => {
    expect(paragraphsOf('第十七条 已满十六周岁的未成年人。\n')).toEqual(['第十七条 已满十六周岁的未成年人。']);
    const scanned = Array.from({ length: 25 }, () => '中国共 产党 领导 人民 建设').join('，') + '。\n';
    expect(looksOcrSpaced(scanned)).toBe(true);
    expect(paragraphsOf(scanned)[0]).toMatch(/^中国共产党领导人民建设/);
    expect(looksOcrSpaced(readFileSync('seeds/000_7fb4536401fc41c5.txt', 'utf8'))).toBe(false);
    expect(looksOcrSpaced(readFileSync('seeds/002_6453be698e533787.txt', 'utf8'))).toBe(true);
  });
});

describe('call-out boxes and schedules', () => {
  it('reads MkDocs admonitions and VuePress containers as a bold title and paragraphs, not markers and code', async () => {
    const read = await markdownText(
      '# Windows Subsystem for Linux\n\n!!! abstract "导言"\n\n    本章节将介绍在 Windows 上使用 Linux 的方法。\n\n    WSL 有着接近原生的性能。\n\n::: tip 小提示\n安装前请先备份数据。\n:::\n',
    );
    const paragraphs = paragraphsOf(read.text);
    expect(paragraphs).toEqual(expect.arrayContaining(['导言', '本章节将介绍在 Windows 上使用 Linux 的方法。', 'WSL 有着接近原生的性能。', '小提示', '安装前请先备份数据。']));
    expect(paragraphs.join('\n')).not.toMatch(/!!!|:::|abstract/);
  });

  it('makes each entry of a school calendar a body paragraph of its own, wrapped lines joined', () => {
    const doc = parseDocument('cal', 'cal.pdf', '2022-2023学年校历\n\n10月31日-11月13日本科生期中考试周\n（不停课）\n11月18日第八届秋季运动会（停课1天）\n1月17日-2月11日本科生寒\n假\n', 'cal');
    const body = doc.articles.flatMap((a) => a.paragraphs).filter((p) => p.kind === 'body').map((p) => p.text);
    expect(body).toEqual(['10月31日-11月13日本科生期中考试周（不停课）', '11月18日第八届秋季运动会（停课1天）', '1月17日-2月11日本科生寒假']);
  });

  it('never takes a calendar cell cut by the layout, a bracketed note or a quoted entry for a headline', () => {
    const doc = parseDocument(
      'cal',
      'cal.pdf',
      '2021-2022学年校历\n\n4月5日清明节\n（4月3日-4月5\n日休息）\n4月2日上双周周一的课\n6月大学英语四、六级考试\n（具体时间以广东省教育考试院通知为准）\n5月6日“青春之歌”五月歌会\n',
      'cal',
    );
    expect(doc.articles).toHaveLength(1);
    const paragraphs = doc.articles.flatMap((a) => a.paragraphs);
    expect(paragraphs.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual(['2021-2022学年校历']);
    expect(paragraphs.map((p) => p.text)).toEqual(expect.arrayContaining(['4月5日清明节（4月3日-4月5日休息）', '5月6日“青春之歌”五月歌会']));
  });

  it('reads a report’s numbered figure and table titles as captions, which open no article', async () => {
    const read = await markdownText(
      '# 数据篇\n\n## 一. 总体宏观洞察\n\n### 1.3 活跃用户\n\n<center>图 1.9 GitHub 年度活跃用户数量趋势 </center>\n<br>\n\n<center>表 1.2 活跃用户排名</center>\n<br>\n\n2023 年全域活跃开发者数量达到了 2,193 万，比上一年增长了 8.88%。\n',
    );
    const doc = parseDocument('data', 'data.md', read.text, 'data');
    expect(doc.articles.map((a) => a.title)).toEqual(['数据篇 › 一. 总体宏观洞察']);
    const kinds = Object.fromEntries(doc.articles[0].paragraphs.map((p) => [p.text, p.kind]));
    expect(kinds['图 1.9 GitHub 年度活跃用户数量趋势']).toBe('caption');
    expect(kinds['表 1.2 活跃用户排名']).toBe('caption');
  });

  it('keeps a numbered heading whose bracket closes its number (1）, （二）) a heading', () => {
    expect(hasUnmatchedBracket('1）“开始菜单” > “电源” > “关机”')).toBe(false);
    expect(hasUnmatchedBracket('（二）主要任务')).toBe(false);
    expect(hasUnmatchedBracket('日休息）')).toBe(true);
    expect(hasUnmatchedBracket('(具体时间以通知为准）')).toBe(false);
  });
});

