// A server on a free port and Debian's Chromium (/usr/bin/chromium, driven by playwright-core) for the
// browser tests; never a downloaded browser. Pages that request anything outside the server fail the test.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AnswerEngine } from '../../src/engine/answer-engine.js';
import { createApp, type AppOptions } from '../../src/server/app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface PageOptions {
  javaScriptEnabled?: boolean;
  width?: number;
  height?: number;
  /** A phone: touch input, and a coarse pointer for the page's media queries. */
  mobile?: boolean;
  path?: string;
}

export interface BrowserSession {
  base: string;
  openPage(options?: PageOptions): Promise<Page>;
  /** Closes this test's pages and checks none of them reached outside the server. */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

/** `engine`: the engine served, or a getter that has none until the index is ready (a first build); `app`: the server's other options. */
export async function startBrowserSession(engine: AnswerEngine | (() => AnswerEngine | undefined), adminToken?: string, app: AppOptions = {}): Promise<BrowserSession> {
  const getEngine = typeof engine === 'function' ? engine : () => engine;
  const server: ServerType = serve({ fetch: createApp(getEngine, { ...app, adminToken }).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  const pages: Page[] = [];
  const foreign: string[] = [];
  return {
    base,
    async openPage(options = {}) {
      const context = await browser.newContext({
        javaScriptEnabled: options.javaScriptEnabled ?? true,
        viewport: { width: options.width ?? 1000, height: options.height ?? 900 },
        isMobile: options.mobile ?? false,
        hasTouch: options.mobile ?? false,
      });
      const page = await context.newPage();
      page.on('request', (r) => {
        if (!r.url().startsWith(base)) foreign.push(r.url());
      });
      pages.push(page);
      await page.goto(`${base}${options.path ?? '/'}`);
      return page;
    },
    async closePages() {
      for (const page of pages.splice(0)) await page.context().close();
      expect(foreign.splice(0)).toEqual([]);
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** Types a question, sends it with Enter (on a phone, by tapping 提问) and waits for its answer to be on the page. */
export async function ask(page: Page, question: string, how: 'enter' | 'tap' = 'enter'): Promise<void> {
  const before = await page.locator('#conversation .turn:not(.pending)').count();
  await page.fill('#question', question);
  if (how === 'tap') await page.tap('#ask-form button[type=submit]');
  else await page.press('#question', 'Enter');
  await expect.poll(() => page.locator('#conversation .turn:not(.pending)').count()).toBe(before + 1);
}

export const lastTurn = (page: Page) => page.locator('#conversation .turn').last();

/** axe-core's violations on the page as it is now, each as `rule: the elements it found`. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    return (await axe.run()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return violations;
}

/** After an upload from the page: waits on its jobs page (which refreshes itself) until every job has finished. */
export async function uploadJobsFinished(page: Page): Promise<void> {
  await page.waitForURL(/\/upload\/jobs\?id=/);
  await expect.poll(() => page.locator('[role=status]').innerText(), { timeout: 120_000, interval: 250 }).toContain('全部处理完了');
}

/** Finishes an upload of one file from the page: its job done, then the chat page scoped to it. */
export async function openUploaded(page: Page): Promise<void> {
  await uploadJobsFinished(page);
  await page.locator('.job a', { hasText: '只在这篇里提问' }).first().click();
  await page.waitForURL(/\?added=/);
}
