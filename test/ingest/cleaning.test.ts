import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildParagraphs } from '../../src/ingest/build-paragraphs.js';
import { chunkDocument } from '../../src/ingest/chunk-passages.js';
import { cleanLine } from '../../src/ingest/clean-line.js';
import { parseDocument } from '../../src/ingest/parse-document.js';
import { splitSentences } from '../../src/ingest/split-sentences.js';

const seeds = readdirSync('seeds').map((f) => ({ name: f, text: readFileSync(join('seeds', f), 'utf8') }));

describe('cleaning real seed snippets', () => {
  it('removes OCR spaces between Chinese characters', () => {
    expect(cleanLine('必须读懂中国共 产党"。今年是中国共产党成立100周年', 0).text).toBe('必须读懂中国共产党"。今年是中国共产党成立100周年');
    expect(cleanLine('12月1 日,市政府新闻办', 0).text).toBe('12月1日,市政府新闻办');
  });

  it('keeps the space between Latin words', () => {
    expect(cleanLine('HENGSHUI RIBAO 衡水日报', 0).text).toBe('HENGSHUI RIBAO衡水日报');
    expect(cleanLine('Café résumé 与 Ελληνικά κείμενο', 0).text).toBe('Café résumé与Ελληνικά κείμενο');
  });

  it('drops Markdown heading marks and remembers the level', () => {
    const line = cleanLine('## 邯郸推动新时代文明实践中心建设提档升级', 0);
    expect(line.text).toBe('邯郸推动新时代文明实践中心建设提档升级');
    expect(line.headingLevel).toBe(2);
  });

  it('rejoins a sentence the page layout cut across a blank line', () => {
    const source = '通过征集技术需求、需求发布等环节,帮助企业解决技术难题,扩大企业技术依托高校和科研院所的能\n\n力,推进产学研深度合作。\n';
    const paragraphs = buildParagraphs(source);
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0].text).toContain('的能力,推进产学研深度合作。');
  });

  it('keeps a headline, its byline and a caption as paragraphs of their own', () => {
    const source = '磁县推广生姜种植带动农民增收\n\n近日拍摄的冀南新区科创城。 河北日报通讯员 周景泽摄\n\n河北日报记者 陈正\n\n小屯洼村生姜种植基地内,成片的生姜长势喜人。\n';
    expect(buildParagraphs(source).map((p) => p.kind)).toEqual(['heading', 'caption', 'byline', 'body']);
  });

  it('splits sentences at Chinese punctuation, keeping closing quotes', () => {
    const text = '“这生姜可是宝贝。”王海建说;今年产量高!还有吗?';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['“这生姜可是宝贝。”', '王海建说;', '今年产量高!', '还有吗?']);
  });

  it('finds the articles of a newspaper page and their headlines', () => {
    const seed = seeds.find((s) => s.name.startsWith('003'))!;
    const doc = parseDocument('003', seed.name, seed.text, '003');
    const titles = doc.articles.map((a) => a.title);
    expect(titles).toContain('魏县帮助重点企业解决用工需求');
    expect(titles).toContain('馆陶建立项目建设推进机制');
    // `###` headings are sections of the first article, not articles.
    expect(titles).not.toContain('提档升级');
  });
});

describe('offsets map back to the source exactly', () => {
  for (const seed of seeds) {
    it(seed.name, () => {
      const doc = parseDocument(seed.name, seed.name, seed.text, seed.name);
      for (const article of doc.articles) {
        for (const p of article.paragraphs) {
          [...p.text].forEach((ch, i) => {
            const original = seed.text[p.map[i]];
            if (ch === ' ') expect(original).toMatch(/\s/);
            else expect(original).toBe(ch);
          });
        }
      }
      for (const passage of chunkDocument(doc)) {
        const span = seed.text.slice(passage.sourceStart, passage.sourceEnd).replace(/\s+/g, '');
        expect(span).toBe(passage.text.replace(/\s+/g, ''));
      }
    });
  }
});
