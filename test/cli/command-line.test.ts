// Settings from the command line and the environment.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/command-line.js';
import { exposureWarnings, listeningUrl } from '../../src/cli/startup-notes.js';
import { loadConfig } from '../../src/config.js';

describe('the command line', () => {
  it('takes a flag without a value and keeps the question after it', () => {
    expect(parseCommandLine(['--json', '冀南新区人民医院项目总投资多少?'])).toMatchObject({ json: true, positionals: ['冀南新区人民医院项目总投资多少?'] });
  });

  it('takes option values in both spellings, wherever the question stands', () => {
    const parsed = parseCommandLine(['问题', '--corpus', '/data/文档', '--port=4000', '--watch']);
    expect(parsed).toMatchObject({ corpus: '/data/文档', port: '4000', watch: true, json: false, positionals: ['问题'] });
  });

  it('refuses an unknown option and names the ones there are', () => {
    expect(() => parseCommandLine(['--corpse', 'x'])).toThrow(/--corpse.*options: --corpus VALUE/);
  });

  it('refuses an option that needs a value when none follows', () => {
    expect(() => parseCommandLine(['--corpus'])).toThrow(/--corpus/);
  });
});

describe('configuration', () => {
  it('has defaults for everything', () => {
    const config = loadConfig([], {});
    expect(config).toMatchObject({ corpusDir: resolve('seeds'), port: 3000, host: '127.0.0.1', queryCacheSize: 1000, watch: false });
    expect(config.indexDir).toMatch(new RegExp(`^${resolve('index')}/seeds-[0-9a-f]{8}$`));
    expect(config.adminToken).toBeUndefined();
  });

  it('keeps one index per corpus folder unless told where', () => {
    const a = loadConfig(['--corpus', '/data/资料'], {}).indexDir;
    const b = loadConfig(['--corpus', '/other/资料'], {}).indexDir;
    expect(a).not.toBe(b);
    expect(loadConfig(['--corpus', '/data/资料'], {}).indexDir).toBe(a);
    expect(loadConfig(['--corpus', '/data/资料'], { INDEX_DIR: '/tmp/i' }).indexDir).toBe('/tmp/i');
  });

  it('takes the index backend from INDEX_BACKEND (Orama unless told) and refuses one it does not know', () => {
    expect(loadConfig([], {}).indexBackend).toBe('orama');
    expect(loadConfig([], { INDEX_BACKEND: 'lancedb' }).indexBackend).toBe('lancedb');
    expect(loadConfig([], { INDEX_BACKEND: 'lancedb' }).indexDir).toBe(`${loadConfig([], {}).indexDir}-lancedb`);
    expect(() => loadConfig([], { INDEX_BACKEND: 'elasticsearch' })).toThrow(/INDEX_BACKEND must be one of orama, lancedb, not elasticsearch/);
  });

  it('keeps an index on S3 (INDEX_DIR=s3://…) on LanceDB unless told, with a working copy per URL, and refuses other stores', () => {
    const config = loadConfig([], { INDEX_DIR: 's3://bucket/xunyuan/' });
    expect(config).toMatchObject({ objectStore: 's3://bucket/xunyuan', indexBackend: 'lancedb' });
    expect(config.indexDir).not.toBe(loadConfig([], { INDEX_DIR: 's3://bucket/other' }).indexDir);
    expect(loadConfig([], { INDEX_DIR: 's3://bucket/xunyuan', INDEX_CACHE_DIR: '/tmp/copy' }).indexDir).toBe('/tmp/copy');
    expect(loadConfig([], { INDEX_DIR: 's3://bucket/xunyuan', INDEX_BACKEND: 'orama' }).indexBackend).toBe('orama');
    expect(loadConfig([], { INDEX_DIR: '/tmp/i' }).objectStore).toBeUndefined();
    expect(() => loadConfig([], { INDEX_DIR: 'gs://bucket/xunyuan' })).toThrow(/gs:\/\/ is not supported/);
    expect(() => loadConfig([], { INDEX_DIR: 's3://B/x' })).toThrow(/not an S3 URL/);
    expect(() => loadConfig([], { INDEX_DIR: 's3://bucket/a/../b' })).toThrow(/\.\./);
  });

  it('serves as a replica with --replica or REPLICA=1', () => {
    expect(loadConfig([], {}).replica).toBe(false);
    expect(loadConfig(['--replica'], {}).replica).toBe(true);
    expect(loadConfig([], { REPLICA: '1' }).replica).toBe(true);
  });

  it('lets the command line win over the environment', () => {
    const config = loadConfig(['--corpus', '/a', '--port', '4001'], { CORPUS_DIR: '/b', PORT: '5000', WATCH: '1' });
    expect(config).toMatchObject({ corpusDir: resolve('/a'), port: 4001, watch: true });
  });

  it('refuses a port or cache size that is not a whole number in range', () => {
    expect(() => loadConfig(['--port', '70000'], {})).toThrow(/PORT must be a whole number from 0 to 65535, not 70000/);
    expect(() => loadConfig([], { PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig([], { QUERY_CACHE_SIZE: '-1' })).toThrow(/QUERY_CACHE_SIZE/);
  });

  it('takes API_TOKEN like ADMIN_TOKEN and PUBLIC_URL only as an http(s) address', () => {
    expect(() => loadConfig([], { API_TOKEN: 'short' })).toThrow(/API_TOKEN must be at least 12/);
    expect(loadConfig([], { API_TOKEN: 'api-token-0123456789' }).apiToken).toBe('api-token-0123456789');
    expect(loadConfig([], { PUBLIC_URL: 'https://docs.example.org/xunyuan/' }).publicUrl).toBe('https://docs.example.org/xunyuan');
    expect(() => loadConfig([], { PUBLIC_URL: 'docs.example.org' })).toThrow(/PUBLIC_URL must be an http\(s\) address/);
    expect(() => loadConfig([], { PUBLIC_URL: 'ftp://docs.example.org' })).toThrow(/PUBLIC_URL/);
  });

  it('writes an IPv6 listening address in brackets and warns when exposed without protection', () => {
    expect(listeningUrl('::', 3310)).toBe('http://[::]:3310');
    expect(listeningUrl('127.0.0.1', 3000)).toBe('http://127.0.0.1:3000');
    expect(exposureWarnings({ host: '127.0.0.1', adminToken: 'admin-token-0123456789' })).toEqual([]);
    expect(exposureWarnings({ host: '0.0.0.0' }).join()).toMatch(/without API_TOKEN/);
    const plain = exposureWarnings({ host: '0.0.0.0', apiToken: 'api-token-0123456789', adminToken: 'admin-token-0123456789' });
    expect(plain).toEqual([expect.stringMatching(/ADMIN_TOKEN travels in clear/)]);
    expect(exposureWarnings({ host: '0.0.0.0', apiToken: 'api-token-0123456789', adminToken: 'admin-token-0123456789', publicUrl: 'https://qa.example.org' })).toEqual([]);
  });
});
