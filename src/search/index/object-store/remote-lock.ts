// The writer lock of an index on object storage: a lease, `write.lock`, naming its holder. It is taken
// with a conditional put (If-None-Match: *, which S3 has honoured since 2024) after a look that no live
// lease is there, then read back: on a store that ignores the condition, the later of two writers
// racing within one round trip wins and the other gives way. The
// holder renews it while it writes; a lease not renewed for LEASE_MS was left by a writer that died
// (no pid can be checked on another machine) and is taken over.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { IndexLockedError, type LockHolder } from '../index-lock.js';
import type { ObjectStore } from './object-store.js';

const LOCK = 'write.lock';
/** A lease older than this is abandoned: three missed renewals. */
const LEASE_MS = 60_000;
const RENEW_EVERY_MS = 20_000;

interface Lease extends LockHolder {
  renewed: string;
}

function parseLease(bytes: Buffer | undefined): Lease | undefined {
  try {
    const lease = JSON.parse(bytes?.toString('utf8') ?? '') as Lease;
    return typeof lease.token === 'string' && typeof lease.renewed === 'string' ? lease : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the index's write lease on `store`; returns its release. Throws IndexLockedError while another writer holds it. */
export async function lockObjectStore(store: ObjectStore, now = () => new Date()): Promise<() => Promise<void>> {
  const me: Lease = {
    pid: process.pid,
    host: hostname(),
    command: process.argv.slice(1).join(' ').slice(0, 200),
    since: now().toISOString(),
    token: randomUUID(),
    renewed: now().toISOString(),
  };
  const refused = (holder: Lease | undefined) => new IndexLockedError(store.location.url, holder, store.url(LOCK));
  const live = (holder: Lease | undefined) => holder !== undefined && now().getTime() - Date.parse(holder.renewed) < LEASE_MS;
  // Looked at first: a store that ignores the condition would let the put below replace a live lease.
  const before = parseLease(await store.get(LOCK));
  if (live(before)) throw refused(before);
  const taken = before === undefined ? await store.putIfAbsent(LOCK, JSON.stringify(me)) : false;
  if (!taken) {
    const holder = parseLease(await store.get(LOCK));
    if (live(holder)) throw refused(holder);
    await store.put(LOCK, JSON.stringify(me));
  }
  const held = parseLease(await store.get(LOCK));
  if (held?.token !== me.token) throw refused(held);
  const renew = setInterval(() => {
    void store.put(LOCK, JSON.stringify({ ...me, renewed: now().toISOString() })).catch(() => {});
  }, RENEW_EVERY_MS);
  renew.unref();
  return async () => {
    clearInterval(renew);
    if (parseLease(await store.get(LOCK))?.token === me.token) await store.remove([LOCK]);
  };
}
