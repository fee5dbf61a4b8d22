// What a sentence must hold to answer at all, on real snippets: a figure for 多少, a distance for 多少公里,
// people for 多少人, a version for 哪个版本; numbers that are labels (27号线) or in another unit do not count.
import { describe, expect, it } from 'vitest';
import { lacksAskedKind } from '../../../src/search/answer/asked-kind.js';
import { questionTypeOf } from '../../../src/search/question/question-type.js';

const lacks = (question: string, sentence: string) => lacksAskedKind(question, questionTypeOf(question), sentence);

describe('the kind of thing asked', () => {
  it('a quantity needs a figure, in digits, Han numerals or a fraction', () => {
    expect(lacks('浙大本科毕业论文的查重率要求不能超过多少？', '本科生毕业论文（设计）工作文档的电子版，其内容中应不包含指导性、评价性及成绩考核等内容。')).toBe(true);
    expect(lacks('2023年 RISC-V 中国峰会一共有多少人参加？', '在这届有史以来规模最大、新品最多、人气最旺的RISC-V中国峰会上，PLCT团队全程参与。')).toBe(true);
    expect(lacks('SIG 版本规划会开完以后，会议纪要要在多长时间内发出来？', '各SIG组版本规划负责人在工作会议结束后一周内整理完成会议纪要。')).toBe(false);
    expect(lacks('糧食作物播種面積約占全省總播種面積約多少比例?', '糧食作物播種面積約占全省總播種面積的四分之三左右。')).toBe(false);
    expect(lacks('包圍熱蘭遮城的鄭軍預估大約不到多少?', '駐守於大員的軍力預估不到三千，遂使荷蘭軍重新燃起反撲的希望。')).toBe(false);
    expect(lacks('一共有幾輪外圍賽？', '本屆賽事共分為兩輪外圍賽及決賽周。')).toBe(false);
  });

  it('a unit asked needs a figure in that unit or a bare one; a label number is neither', () => {
    const line = '深圳市轨道交通五期项目27号线在校园设置南科大站，预计2030年开通运营，同时开行与22号线跨线贯通的列车。';
    expect(lacks('深圳地铁27号线全长多少公里？', line)).toBe(true);
    expect(lacks('深圳地铁27号线全长多少公里？', '27号线全长约34.2公里，设站20座。')).toBe(false);
    expect(lacks('2024年全国一共有多少名快递员？', '2024年快递业务量和业务收入分别完成1745亿件和1.4万亿元，同比分别增长21%和13%。')).toBe(true);
    expect(lacks('说勉语的人大约有多少人？', '说勉语的人约有150万，自称“勉”、“金门”等等。')).toBe(false);
    expect(lacks('加拿大的最大城市在2012年7月時有多少人？', '多倫多市人口達2,790,060，為加拿大最大城市。')).toBe(false);
    expect(lacks('HAT-P-2b距离地球有多远？', 'HAT-P-2b是一颗距离地球约440多光年的系外行星。')).toBe(false);
    expect(lacks('2023年 RISC-V 中国峰会一共有多少人参加？', '8月23日，2023 RISC-V中国峰会期在北京香格里拉酒店拉开帷幕。')).toBe(true);
  });

  it('a version asked needs digits; other questions need nothing', () => {
    expect(lacks('若依（RuoYi）需要装哪个版本的 JDK？', '若依基于Maven管理项目的构建，需要先安装好相应的版本。')).toBe(true);
    expect(lacks('若依（RuoYi）需要装哪个版本的 JDK？', '需要安装 JDK 1.8 及以上版本。')).toBe(false);
    expect(lacks('会议是谁主持的', '会议由行政人事部组织。')).toBe(false);
  });
});
