// /assets: a fixed list of files, read once at start-up. Nothing else on disk is reachable through
// this route, whatever the path says.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

/** views/assets, found by climbing from this file: it runs from src/server or dist/src/server. */
function assetFolder(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'views', 'assets');
    if (existsSync(join(candidate, 'chat.js'))) return candidate;
  }
  throw new Error('views/assets not found next to the server code');
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

function loadAssets(): Map<string, { body: Buffer; type: string }> {
  const folder = assetFolder();
  const files: Record<string, string> = {
    'htmx.min.js': createRequire(import.meta.url).resolve('htmx.org/dist/htmx.min.js'),
    'chat.js': join(folder, 'chat.js'),
    'style.css': join(folder, 'style.css'),
    'favicon.svg': join(folder, 'favicon.svg'),
  };
  return new Map(Object.entries(files).map(([name, path]) => [name, { body: readFileSync(path), type: TYPES[name.slice(name.lastIndexOf('.'))] }]));
}

export function assetRoutes() {
  const assets = loadAssets();
  const app = new Hono();
  app.get('/assets/:name', (c) => {
    const asset = assets.get(c.req.param('name'));
    if (!asset) return c.notFound();
    return c.body(new Uint8Array(asset.body), 200, { 'content-type': asset.type, 'cache-control': 'public, max-age=300' });
  });
  return app;
}
