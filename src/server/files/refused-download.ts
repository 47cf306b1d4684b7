import 'server-only';
import { getTranslations } from 'next-intl/server';
import { DomainError } from '@/lib/errors';

/**
 * How a download route answers a refusal: over a rate limit, 429 with Retry-After and the person's language; anything
 * else (not theirs, not there, not allowed) 404, so a download never tells a stranger that a record exists.
 */
export async function refusedDownload(error: unknown): Promise<Response> {
  if (error instanceof DomainError && error.code === 'RATE_LIMITED') {
    const t = await getTranslations('errors');
    return new Response(t('rateLimitedSeconds', { seconds: Number(error.params?.seconds ?? 60) }), {
      status: 429,
      headers: { 'Retry-After': String(error.params?.seconds ?? 60), 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return new Response('Not found', { status: 404 });
}
