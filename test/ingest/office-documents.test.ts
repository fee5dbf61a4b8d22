// Ordinary office documents read right: minutes whose fields (`时间：… 地点：… 主持人：…`) are content,
// not headlines, with the full-width spaces between them kept; a notice titled by its title, not its
// salutation, with its sign-off (office and date) one paragraph of its text.
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/ingest/chunk-passages.js';
import { parseDocument } from '../../src/ingest/parse-document.js';

const bodies = (source: string) =>
  parseDocument('doc', 'doc.txt', source, 'doc').articles.map((a) => [a.title, a.paragraphs.map((p) => `${p.kind}:${p.text}`)]);

describe('office documents', () => {
  it('reads minutes: the title is the title, every field line is its own body paragraph', () => {
    const minutes =
      '公司第三季度工作总结会会议纪要\n\n时间：2024年10月15日下午2点　地点：公司三楼大会议室　主持人：王建国\n参会人员：各部门负责人共12人\n\n' +
      '一、会议听取了各部门第三季度工作汇报。\n\n记录人：李敏\n';
    expect(bodies(minutes)).toEqual([
      [
        '公司第三季度工作总结会会议纪要',
        [
          'body:时间：2024年10月15日下午2点 地点：公司三楼大会议室 主持人：王建国',
          'body:参会人员：各部门负责人共12人',
          'body:一、会议听取了各部门第三季度工作汇报。',
          'body:记录人：李敏',
        ],
      ],
    ]);
  });

  it('reads a notice: the salutation leads into the text, the sign-off is one paragraph of it', () => {
    const notice = '关于国庆节放假安排的通知\n\n各部门：\n\n10月1日至7日放假调休，共7天。\n\n行政人事部\n2024年9月20日\n';
    expect(bodies(notice)).toEqual([
      ['关于国庆节放假安排的通知', ['body:各部门：10月1日至7日放假调休，共7天。', 'body:行政人事部 2024年9月20日']],
    ]);
  });

  it('titles a newspaper page by its lead headline, never by its masthead or publisher line', () => {
    const page = 'HENGSHUIRIBAO\n\n2021年12月3日\n\n中共衡水市委主办\n\n星期五\n\n新华社北京12月2日电 国际会议开幕。\n\n增进福祉\n\n我市筑牢民生保障体系\n\n本报讯 近年来，我市加大民生投入。\n';
    const doc = parseDocument('doc', 'doc.txt', page, 'doc');
    expect(doc.title).toBe('我市筑牢民生保障体系');
    expect(doc.articles.map((a) => a.title)).not.toContain('中共衡水市委主办');
  });

  it('leaves a newspaper page’s last short lines alone when they end with no date', () => {
    const page = '市里召开防汛工作会议\n\n会议要求各部门加强值守。\n\n下转第二版\n';
    expect(bodies(page)[0][1]).toEqual(['body:会议要求各部门加强值守。', 'heading:下转第二版']);
  });
});

describe('passages', () => {
  const passagesOf = (source: string) => chunkDocument(parseDocument('doc', 'doc.txt', source, 'doc')).map((p) => p.text);

  it('come from text, not from headings, mastheads or lone dates, which the titles already carry', () => {
    const page = 'HENGSHUIRIBAO\n\n衡水新闻网:www.hsrb.com.cn\n\n抓落实见行动\n\n市里召开防汛工作会议\n\n本报讯 会议要求各部门加强汛期值守。\n';
    expect(passagesOf(page)).toEqual(['本报讯 会议要求各部门加强汛期值守。']);
  });

  it('keep a document that is nothing but a headline', () => {
    expect(passagesOf('停水通知\n')).toEqual(['停水通知']);
  });
});
