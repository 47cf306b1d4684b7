import 'server-only';
import { headers } from 'next/headers';
import { env } from '../env';

/** The client's address as far as we can trust it (see TRUSTED_PROXY_HOPS in env.ts). */
export function clientIpFrom(get: (name: string) => string | null | undefined): string | null {
  const forwarded = get('x-forwarded-for');
  if (forwarded) {
    const hops = forwarded
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const pick = hops[Math.max(0, hops.length - 1 - env().TRUSTED_PROXY_HOPS)];
    if (pick) return pick.replace(/^::ffff:/, '').slice(0, 64);
  }
  return get('x-real-ip')?.slice(0, 64) ?? null;
}

export async function requestIp(): Promise<string | null> {
  const h = await headers();
  return clientIpFrom((name) => h.get(name));
}
