'use server';
import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ActionResult } from '@/lib/errors';
import { ZFileObjection } from '@/lib/validation/decisions';
import { db } from '@/server/db';
import { getActor } from '@/server/auth/session';
import { requestIp } from '@/server/auth/request-context';
import { fileObjection } from '@/server/decisions/public-notices';
import { failure, translate } from '@/server/run-action';

// 实名异议 from the public notice page: no login needed, so this is the one action that does not go through
// runAction's session check. The same schema as the form; a signed-in visitor is recorded as the filer; the address
// goes into the audit event, and filings are limited per address (RATE_LIMITS.public_form).

export async function fileObjectionAction(input: unknown): Promise<ActionResult<{ duplicate: boolean }>> {
  const t = await getTranslations('errors');
  const locale = await getLocale();
  const parsed = ZFileObjection.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      fieldErrors[issue.path.join('.') || '_form'] ??= translate(t, issue.message, locale);
    }
    return { ok: false, code: 'VALIDATION', message: t('checkFields'), fieldErrors };
  }
  try {
    const result = await fileObjection(db(), await getActor(), parsed.data, { ip: await requestIp() });
    revalidatePath('/commission/notices', 'layout');
    return { ok: true, data: { duplicate: result.duplicate } };
  } catch (error) {
    return failure(t, error, locale);
  }
}
