// Questions about a document itself, answered from its field lines and its sign-off.
import { describe, expect, it } from 'vitest';
import { findField, namesArticle } from '../../../src/search/answer/document-fields.js';
import { fieldAsked } from '../../../src/search/question/field-asked.js';
import { readQuestion } from '../../../src/search/question/question.js';

const subjectTerms = (question: string) => readQuestion(question).field?.subject ?? [];

const minutes = [
  { index: 0, text: '时间：2024年10月15日下午2点 地点：公司三楼大会议室 主持人：王建国' },
  { index: 1, text: '参会人员：各部门负责人共12人' },
  { index: 2, text: '一、会议听取了各部门的工作汇报。' },
];
const notice = [
  { index: 0, text: '各部门：10月1日至7日放假调休，共7天。' },
  { index: 1, text: '行政人事部 2024年9月20日' },
];

/** The answering value for a question, read from these paragraphs. */
function valueOf(question: string, paragraphs: { index: number; text: string }[]): string | undefined {
  const asked = fieldAsked(question);
  const found = asked && findField(asked, paragraphs);
  if (!found) return undefined;
  const text = paragraphs.find((p) => p.index === found.paragraphIndex)!.text;
  expect(text.slice(found.line.start, found.line.end)).toContain(text.slice(found.value.start, found.value.end));
  return text.slice(found.value.start, found.value.end);
}

describe('document fields', () => {
  it('answer when, where and who from the field line', () => {
    expect(valueOf('会议是哪天开的', minutes)).toBe('2024年10月15日下午2点');
    expect(valueOf('会议在什么地方召开', minutes)).toBe('公司三楼大会议室');
    expect(valueOf('会议是谁主持的', minutes)).toBe('王建国');
    expect(valueOf('有哪些人参加了会议', minutes)).toBe('各部门负责人共12人');
  });

  it('answer which office issued a notice, and when, from its sign-off', () => {
    expect(valueOf('通知是哪个部门发的', notice)).toBe('行政人事部');
    expect(valueOf('通知是什么时候发布的', notice)).toBe('2024年9月20日');
  });

  it('find nothing where the document has no such field', () => {
    expect(valueOf('会议是谁记录的', minutes)).toBeUndefined();
    expect(valueOf('会议是哪天开的', notice)).toBeUndefined();
    expect(fieldAsked('会议讨论了什么')).toBeUndefined();
  });

  it('need the question to name the article by its title words', () => {
    const title = '公司第三季度工作总结会会议纪要';
    expect(namesArticle(subjectTerms('会议是哪天开的'), title)).toBe(true);
    expect(namesArticle(subjectTerms('总结会在哪里开的'), title)).toBe(true);
    expect(namesArticle(subjectTerms('防汛会议是哪天开的'), title)).toBe(false);
    expect(namesArticle(subjectTerms('是哪天开的'), title)).toBe(false);
  });
});
