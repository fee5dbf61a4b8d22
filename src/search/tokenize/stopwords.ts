// Words that carry no topic: question words and function words. Dropped from queries and from the
// index alike, so both sides agree on what a passage's length is.
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '什么 什么样 啥 多少 多大 多长 多久 多高 几 几个 几年 哪 哪里 哪儿 哪个 哪些 哪一 哪家 哪位 谁 怎么 怎样 怎么样 如何 为什么 为何 ' +
    '吗 呢 吧 啊 呀 么 嘛 是 的 地 得 了 着 过 在 和 与 及 或 并 而 也 都 就 又 还 有 被 把 将 对 于 从 由 向 以 之 其 该 这 那 这个 那个 ' +
    '这些 那些 一个 请问 请 告诉 我 你 他 她 它 我们 你们 他们 一下 是否 能否 可以 哪些是 多少钱 吗? 呢? 叫 称为'
  ).split(/\s+/),
);
