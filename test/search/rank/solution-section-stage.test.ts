// Troubleshooting entries (问题现象 / 原因分析 / 解决方法): a how-question that finds an entry by its
// symptom is answered from the entry's solution; a question about the symptom itself, or an entry with
// no solution section, is answered as before.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { AnswerEngine } from '../../../src/engine/answer-engine.js';
import { openEngine, scratchDir } from '../../support/engines.js';

const FAQ = `# 安装常见问题

## 选择第二块磁盘为安装目标后系统无法启动

### 问题现象

安装操作系统时，直接将系统安装到第二块磁盘sdb，重启系统后启动失败。

### 原因分析

BIOS默认从第一块磁盘sda中加载引导程序，第二块磁盘上的引导程序不会被加载。

### 解决方法

安装时在选择磁盘后，指定引导程序安装到第一块盘sda中。

## 安装后无法联网

网卡驱动未加载时，安装完成后无法联网，重启系统后仍然无法联网。
`;

let engine: AnswerEngine;

beforeAll(async () => {
  const work = scratchDir('solution-section');
  const corpusDir = join(work, 'corpus');
  mkdirSync(corpusDir, { recursive: true });
  writeFileSync(join(corpusDir, 'faq.md'), FAQ);
  engine = await openEngine({ corpusDir, indexDir: join(work, 'index') });
});

it('answers a how-question that finds an entry by its symptom from the entry’s solution', async () => {
  const r = await engine.ask({ question: '系统装到第二块磁盘上以后重启启动失败，安装时该怎么设置？' });
  expect(r.answer?.text).toContain('指定引导程序安装到第一块盘sda中');
  expect(r.passages[0].scores.solution).toBe(1);
});

it('answers a question about the symptom itself with the symptom', async () => {
  const r = await engine.ask({ question: '系统装到第二块磁盘上以后重启会出现什么现象？' });
  expect(r.answer?.text).toContain('重启系统后启动失败');
  expect(r.passages[0].scores.solution).toBeUndefined();
});

it('leaves an entry with no solution section as it was', async () => {
  const r = await engine.ask({ question: '安装完成后无法联网怎么办？' });
  expect(r.answer?.text ?? r.passages[0].text).toContain('网卡驱动未加载');
  expect(r.passages.every((p) => p.scores.solution === undefined)).toBe(true);
});
