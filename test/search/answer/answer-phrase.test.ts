// The answer phrase on real snippets: figures keep their prefix and unit, dates, names and places, and
// a figure the question states is never the answer.
import { describe, expect, it } from 'vitest';
import { findAnswerPhrase } from '../../../src/search/answer/answer-phrase.js';
import { questionTypeOf } from '../../../src/search/question/question-type.js';
import { queryTerms } from '../../../src/search/tokenize/tokenize.js';

const phraseOf = (answer: string, question: string) => {
  const span = findAnswerPhrase(answer, question, questionTypeOf(question), new Set(queryTerms(question)));
  return span && answer.slice(span.start, span.end);
};

describe('question types', () => {
  it('reads what a question asks for from its question words', () => {
    expect(questionTypeOf('冀南新区人民医院项目总投资多少?')).toBe('quantity');
    expect(questionTypeOf('滏阳河在冀南新区境内有多长?')).toBe('quantity');
    expect(questionTypeOf('冀南新区是哪一年成立的?')).toBe('time');
    expect(questionTypeOf('这部小说的作者是谁?')).toBe('person');
    expect(questionTypeOf('流浪老人被送到了哪里?')).toBe('place');
    expect(questionTypeOf('战国史模式主打哪两个模式?')).toBe('other');
  });

  it('does not take 哪几, 哪些 or 第几 for a quantity', () => {
    expect(questionTypeOf('邯郸推出了哪几项医保措施?')).toBe('other');
    expect(questionTypeOf('他是第几任校长?')).toBe('other');
    expect(questionTypeOf('邯郸推出了几项医保便民措施?')).toBe('quantity');
  });

  it('reads question words in Traditional script, and not the same characters inside other words', () => {
    expect(questionTypeOf('師大資工系學會現任會長是誰？')).toBe('person');
    expect(questionTypeOf('天科大开放原子开源协会的指导老师叫什么名字？')).toBe('person');
    expect(questionTypeOf('清初增為內地十八省，後增為幾省?')).toBe('quantity');
    expect(questionTypeOf('幾何光學，又稱為什麼?')).toBe('other');
    expect(questionTypeOf('這幾年，伊拉克美軍部隊會以一些廢料金屬來替軍用車輛加強裝甲，他們稱這手法是?')).toBe('other');
    expect(questionTypeOf('马特·理查德·史东从科罗拉多大学获得了什么学位？')).toBe('other');
    expect(questionTypeOf('稻米在煮熟後之黏性與其哪一種澱粉的比例有關？')).toBe('other');
    expect(questionTypeOf('普魯士王國在新帝國中領土佔整個帝國多少比例?')).toBe('quantity');
    expect(questionTypeOf('这个县的人口是?')).toBe('quantity');
  });

  it('reads a query typed without a question word that ends in 时间 or 日期 as asking when', () => {
    expect(questionTypeOf('个税年度汇算 时间')).toBe('time');
    expect(questionTypeOf('湖畔学生餐厅 夜宵时间')).toBe('time');
    expect(questionTypeOf('时间管理 方法')).toBe('other');
  });
});

describe('the answer phrase', () => {
  it('marks a time of day, a range of them and a month/day written with a slash, as notices write them', () => {
    expect(phraseOf('夜宵：19:00-22:30', '湖畔学生餐厅的夜宵几点开到几点？')).toBe('19:00-22:30');
    expect(phraseOf('宿舍每日上午9:00开放。', '宿舍几点开门？')).toBe('上午9:00');
    expect(phraseOf('學費繳費期限：即日起至 9/1 止', '學費最晚什麼時候要繳？')).toBe('9/1');
    expect(phraseOf('宿舍可入住時間：114 年 8 月 24 日起', '宿舍從什麼時候可以入住？')).toBe('114 年 8 月 24 日');
    expect(phraseOf('比分是 3/5/7。', '比赛什么时候举行？')).toBeUndefined();
  });

  it('keeps a figure with its unit and its prefix', () => {
    expect(phraseOf('总投资4.33亿元的冀南新区人民医院项目即将开工建设;', '冀南新区人民医院项目总投资多少?')).toBe('4.33亿元');
    expect(phraseOf('滏阳河在冀南新区境内全长约22平方公里。', '滏阳河在冀南新区境内有多大面积?')).toBe('约22平方公里');
    expect(phraseOf('已推广种植生姜1000余亩,带动500余名群众就近就业', '磁县推广种植了多少亩生姜?')).toBe('1000余亩');
    expect(phraseOf('体长可达20公分,属于小型鼠尾鳕。', '膨趾膜鳕的体长可达多少?')).toBe('达20公分');
    expect(phraseOf('这是一颗距离地球约440多光年的系外行星。', '它距离地球有多远?')).toBe('约440多光年');
  });

  it('takes the figure nearest the question words when the sentence has several', () => {
    expect(phraseOf('已推广种植生姜1000余亩,带动500余名群众就近就业', '带动了多少群众就业?')).toBe('500余名');
  });

  it('never answers with a figure the question itself states', () => {
    expect(phraseOf('第一期投资3亿元,第二期投资5亿元。', '第一期投资3亿元,第二期投资多少?')).toBe('5亿元');
  });

  it('does not take the day of a date for a quantity', () => {
    expect(phraseOf('6月30日,黄骅港煤炭装船量突破2亿吨。', '黄骅港煤炭装船量突破了多少?')).toBe('2亿吨');
  });

  it('does not take a numeral inside a name or an ordinal for a quantity', () => {
    expect(phraseOf('设备入库万庄安阳物流园保税仓,这是该仓完成的第三笔业务。', '保税仓累计贸易额有多少?')).toBeUndefined();
    expect(phraseOf('设备入库万庄物流园保税仓,累计贸易额约1.089亿元。', '保税仓累计贸易额有多少?')).toBe('约1.089亿元');
    expect(phraseOf('全村共有三百余户人家。', '全村有多少户?')).toBe('三百余户');
  });

  it('marks a date, a person and a place', () => {
    expect(phraseOf('2012年,冀南新区成立。', '冀南新区是哪一年成立的?')).toBe('2012年');
    expect(phraseOf('1912年孙中山在南京就任临时大总统。', '谁在南京就任临时大总统?')).toBe('孙中山');
    expect(phraseOf('北京大学位于海淀区。', '北京大学在哪里?')).toBe('海淀区');
  });

  it('marks nothing for a list question or when the sentence holds no candidate', () => {
    expect(phraseOf('战国史模式主打「战史演武」和「争霸演武」。', '战国史模式主打哪两个模式?')).toBeUndefined();
    expect(phraseOf('医院即将开工建设。', '医院投资多少?')).toBeUndefined();
  });
});
