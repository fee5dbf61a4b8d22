// What `npm start` says about where it listens: the URL, and warnings when it is reachable from other
// machines without the protection that calls for.
import type { Config } from '../config.js';
import { isLoopback } from '../server/bearer-tokens.js';

/** An IPv6 address goes in brackets in a URL: http://[::]:3000, not http://:::3000. */
export const listeningUrl = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

export function exposureWarnings(config: Pick<Config, 'host' | 'apiToken' | 'adminToken' | 'publicUrl'>): string[] {
  if (isLoopback(config.host)) return [];
  const warnings: string[] = [];
  if (!config.apiToken) {
    warnings.push(`warning: listening on ${config.host}, beyond this machine, without API_TOKEN: anyone who can reach it can ask and read the documents`);
  }
  if (config.adminToken && !config.publicUrl?.startsWith('https:')) {
    warnings.push('warning: ADMIN_TOKEN travels in clear over plain HTTP beyond this machine; serve it behind HTTPS and set PUBLIC_URL=https://…');
  }
  return warnings;
}
