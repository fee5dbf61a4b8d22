// The sentence scorer on real snippets: title words do not decide, the type cue and term weights do,
// ties go to the earlier sentence, a word negated by its prefix (非住宅) is not the word asked, and an
// answer runs on into a sentence that continues it or carries what was asked.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/ingest/split-sentences.js';
import { answerSpan, bestSentence } from '../../../src/search/answer/pick-sentence.js';
import { questionTypeOf } from '../../../src/search/question/question-type.js';
import { focusWords, sentenceFeatures } from '../../../src/search/answer/sentence-features.js';
import { SENTENCE_WEIGHTS } from '../../../src/search/knobs.js';
import { queryTerms, tokenize, tokenizeWithOffsets } from '../../../src/search/tokenize/tokenize.js';

/** Every query term weighs the same here, so what decides is the scorer, not corpus statistics. */
function pick(paragraph: string, question: string, title = '') {
  const sentences = splitSentences(paragraph);
  const info = { weights: new Map(queryTerms(question).map((t) => [t, 1])), tokens: tokenizeWithOffsets(question), text: question, type: questionTypeOf(question) };
  const features = sentenceFeatures(paragraph, tokenizeWithOffsets(paragraph), sentences, info, new Set(tokenize(title)));
  const span = answerSpan(paragraph, sentences, features, bestSentence(features, SENTENCE_WEIGHTS));
  return paragraph.slice(span.start, span.end);
}

describe('the answer sentence', () => {
  it('counts no place, person, date or figure the question itself says as a sign of the answer', () => {
    const paragraph = '国内开源社区筹备中国峰会。峰会将在上海举行。';
    const question = '中国峰会在哪里举行?';
    const sentences = splitSentences(paragraph);
    const info = { weights: new Map(queryTerms(question).map((t) => [t, 1])), tokens: tokenizeWithOffsets(question), text: question, type: questionTypeOf(question) };
    expect(sentenceFeatures(paragraph, tokenizeWithOffsets(paragraph), sentences, info, new Set()).map((f) => f.typeCue)).toEqual([0, 1]);
  });

  it('leaves the title words out: the sentence with the asked-for detail wins over one naming the subject', () => {
    const paragraph = '战国无双3是光荣开发的动作游戏。本作于2009年在日本发售。战国无双3共有三大故事。';
    expect(pick(paragraph, '战国无双3在哪一年发售?', '战国无双3')).toBe('本作于2009年在日本发售。');
  });

  it('prefers the sentence holding a figure for a 多少 question over one as close to the question before it', () => {
    const paragraph = '磁县大力推广生姜种植。截至目前,已在全县推广种植生姜1000亩。姜农收入明显提高。';
    expect(pick(paragraph, '磁县推广种植生姜多少亩?')).toBe('截至目前,已在全县推广种植生姜1000亩。');
  });

  it('finds the asked detail after a sentence naming the subject, by the words beside the question word', () => {
    const paragraph = '6月22日,一台德国产的先进制造设备经天津东疆港区,入库万庄安阳物流园保税仓。这是今年6月该仓完成的第三笔保税业务。自保税仓运营以来,累计贸易额约1.089亿人民币。';
    expect(pick(paragraph, '万庄安阳物流园保税仓累计贸易额有多少')).toBe('自保税仓运营以来,累计贸易额约1.089亿人民币。');
  });

  it('does not take a word negated by its prefix (非住宅) for the word asked (住宅), unless the question negates it too', () => {
    const paragraph = '非住宅建设用地使用权期限届满后的续期，依照法律规定办理。住宅建设用地使用权期限届满的，自动续期。';
    expect(pick(paragraph, '住宅建设用地使用权期限届满以后怎么办?')).toBe('住宅建设用地使用权期限届满的，自动续期。');
    expect(pick(paragraph, '非住宅建设用地使用权期限届满以后怎么办?')).toBe('非住宅建设用地使用权期限届满后的续期，依照法律规定办理。');
  });

  it('runs on into a sentence that qualifies the answer (但…) when it holds some of the question’s words, and not into one that holds none', () => {
    const paragraph = '手机厂商提供的卡模拟工具仅能复制校园卡的ID和非加密部分。但校园卡为CPU卡，因此通过手机模拟的校园卡只能用于部分门禁（不包括宿舍与大门）。补办请到一卡通中心。';
    expect(pick(paragraph, '用手机模拟的校园卡能刷开宿舍门吗?')).toBe('手机厂商提供的卡模拟工具仅能复制校园卡的ID和非加密部分。但校园卡为CPU卡，因此通过手机模拟的校园卡只能用于部分门禁（不包括宿舍与大门）。');
    expect(pick('滏阳河治理工程已经完工。但天气转凉。', '滏阳河治理工程完工了吗?')).toBe('滏阳河治理工程已经完工。');
  });

  it('gives a tie to the earlier sentence', () => {
    const paragraph = '滏阳河治理工程已经完工。滏阳河治理工程获得好评。';
    expect(pick(paragraph, '滏阳河治理工程怎么样?')).toBe('滏阳河治理工程已经完工。');
  });

  it('runs on into the next sentence when it continues the first with what was asked', () => {
    const paragraph = '邯郸新增门诊报销项目。其中慢性病12项。这些措施下月实施。';
    expect(pick(paragraph, '邯郸新增门诊报销项目多少项?')).toBe('邯郸新增门诊报销项目。其中慢性病12项。');
  });

  it('runs on into the next sentence when it holds what was asked and a word beside the question word, whatever its opening', () => {
    const paragraph = '过去的一个月中，很大一部分精力投入在了 RISC-V 中国峰会的筹备中。目前已有一千四百人报名，峰会将在上海科技大学举行。本次峰会也将全程直播。';
    expect(pick(paragraph, '2021年的 RISC-V 中国峰会在哪里开？')).toBe(
      '过去的一个月中，很大一部分精力投入在了 RISC-V 中国峰会的筹备中。目前已有一千四百人报名，峰会将在上海科技大学举行。',
    );
    expect(pick('RISC-V 中国峰会正在筹备中。上海的天气很好。', '2021年的 RISC-V 中国峰会在哪里开？')).toBe('RISC-V 中国峰会正在筹备中。');
  });
});

describe('the question focus', () => {
  const focusOf = (question: string) => focusWords({ text: question, tokens: tokenizeWithOffsets(question) });

  it('takes the content word before the question word and those after it in the same clause', () => {
    expect(focusOf('武安那位流浪老人后来被送到了哪家医院?')).toEqual(['送到', '医院']);
    expect(focusOf('保税仓累计贸易额有多少')).toEqual(['贸易额']);
  });

  it('does not reach across a clause mark', () => {
    expect(focusOf('冀南新区成立以后,人口有多少?')).toEqual(['人口']);
  });

  it('is nothing in a yes-no question, whose answer often contrasts the word before 吗', () => {
    expect(focusOf('湖畔宿舍墙上的网口能跑千兆吗?')).toEqual([]);
    expect(focusOf('注销以后剪贴板里的内容是否还在?')).toEqual([]);
  });
});

describe('answer units', () => {
  const features = (n: number) => Array.from({ length: n }, () => ({ coverage: 0, bigrams: 0, typeCue: 0, position: 0, focus: 0 }));
  const spans = (text: string) => splitSentences(text);

  it('answers a short statute article whole: its next clause often holds the detail asked', () => {
    const article = '第二十一条 劳动合同可以约定试用期。试用期最长不得超过六个月。';
    expect(answerSpan(article, spans(article), features(2), 0)).toEqual({ start: 0, end: article.length });
  });

  it('runs on past a sentence that only introduces what follows, and stops after a sentence that stands alone', () => {
    const text = '用人单位有下列情形之一的，劳动者可以解除劳动合同：未及时足额支付劳动报酬的。其他情形另行规定。';
    const s = spans(text);
    expect(text.slice(answerSpan(text, s, features(s.length), 0).start, answerSpan(text, s, features(s.length), 0).end)).toBe('用人单位有下列情形之一的，劳动者可以解除劳动合同：未及时足额支付劳动报酬的。');
    const plain = '湖畔餐厅夜宵时间为19:00-22:30。其他餐厅不供应夜宵。';
    expect(answerSpan(plain, spans(plain), features(2), 0)).toEqual(spans(plain)[0]);
  });

  it('runs on past a numbered step\'s title to the sentence that says it, and not past a long numbered sentence', () => {
    const step = '4.1.1 修改pom.xml文件。将jar修改为war，并排除内置的tomcat。';
    const whole = answerSpan(step, spans(step), features(2), 0);
    expect(step.slice(whole.start, whole.end)).toBe(step);
    const item = '二、开放时间。周二至周日上午九点至下午五点开放。';
    expect(answerSpan(item, spans(item), features(2), 0)).toEqual({ start: 0, end: item.length });
    const long = '2. 新生报到时须携带录取通知书、身份证和户口迁移证明，到所在学院报到处办理手续。逾期未报到者按规定处理。';
    expect(answerSpan(long, spans(long), features(2), 0)).toEqual(spans(long)[0]);
  });
});
