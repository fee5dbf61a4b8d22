// Questions the seed pages cannot answer: the eval checks they get answer null, the load bench mixes
// them in as misses.
export const OFF_TOPIC_QUESTIONS = [
  '今天天气怎么样?',
  '量子计算机的原理是什么?',
  '推荐一部好看的电影',
  '怎么做红烧肉?',
  '明天股市会涨吗',
  '世界上最高的山是哪座?',
  '如何学好英语?',
  'What is the capital of France?',
];
