// Against DNS rebinding: a page on attacker.example whose name is made to resolve to 127.0.0.1 would
// otherwise read the documents through the visitor's browser. Such requests carry the attacker's
// name in Host, so only names this server is known by are served (as Vite and Jupyter do): loopback
// names, any IP address (rebinding needs a name), the configured HOST, PUBLIC_URL's host and
// ALLOWED_HOSTS. Others get 403 with what to set.
import type { MiddlewareHandler } from 'hono';
import { isIP } from 'node:net';

export interface HostCheckOptions {
  host?: string;
  publicUrl?: string;
  allowedHosts?: string[];
}

/** `example.org:3000` → `example.org`, `[::1]:3000` → `::1`. */
export function hostnameOf(header: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(header);
  if (bracketed) return bracketed[1];
  return header.replace(/:[0-9]*$/, '').toLowerCase();
}

export function hostCheck(options: HostCheckOptions): MiddlewareHandler {
  const known = new Set(['localhost', ...(options.allowedHosts ?? [])].map((h) => h.toLowerCase()));
  if (options.host) known.add(options.host.toLowerCase());
  if (options.publicUrl) known.add(new URL(options.publicUrl).hostname.toLowerCase());
  return async (c, next) => {
    const header = c.req.header('host');
    const name = header === undefined ? 'localhost' : hostnameOf(header);
    if (known.has(name) || name.endsWith('.localhost') || isIP(name) !== 0) return next();
    return c.text(`403: this server does not answer to the name "${name}". If that is its name, start it with ALLOWED_HOSTS=${name} (or PUBLIC_URL).`, 403);
  };
}
