import 'server-only';
import { randomUUID } from 'node:crypto';
import { getLocale, getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { DomainError, type ActionResult } from '@/lib/errors';
import { parseMsg } from '@/lib/validation/messages';
import type { Actor } from './auth/actor';
import { getSession } from './auth/session';
import { isUniqueViolation } from './db';

// The shape of every server action (STYLE.md "One action, end to end"): parse the input with the form's own zod
// schema → authenticate → run the domain module (which authorizes and scopes by the actor) → one ActionResult.
// Expected failures come back translated, with field errors for the form; anything else is logged with an id and
// answered generically. Actions never throw to the client, so a bad request cannot surface a stack trace.

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** A message key with parameters → text. An English reader gets a parameter's "…En" twin where there is one. */
export function translate(t: Translate, encoded: string, locale: string = 'zh-CN'): string {
  const { key, params } = parseMsg(encoded);
  if (locale === 'en') {
    for (const name of Object.keys(params)) if (params[`${name}En`]) params[name] = params[`${name}En`]!;
  }
  return t.has(key) ? t(key, params) : t('invalid');
}

export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  work: (actor: Actor, data: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const t = await getTranslations('errors');
  const locale = await getLocale();
  let session: Awaited<ReturnType<typeof getSession>>;
  try {
    session = await getSession();
  } catch (error) {
    // The database is unreachable (restarting, failing over): a clear "try again" in the person's language, not a
    // 500. Nothing was done, and the page keeps what was typed.
    return failure(t, error, locale);
  }
  if (session.status !== 'ACTIVE') {
    return {
      ok: false,
      code: 'UNAUTHENTICATED',
      message: t(session.status === 'IDLE' ? 'sessionIdle' : 'sessionEnded'),
    };
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.') || '_form';
      fieldErrors[field] ??= translate(t, issue.message, locale);
    }
    return { ok: false, code: 'VALIDATION', message: t('checkFields'), fieldErrors };
  }
  try {
    return { ok: true, data: await work(session.actor, parsed.data) };
  } catch (error) {
    return failure(t, error, locale);
  }
}

export function failure(t: Translate, error: unknown, locale: string = 'zh-CN'): ActionResult<never> {
  if (error instanceof DomainError) {
    const fieldErrors = error.fieldErrors
      ? Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, translate(t, v, locale)]))
      : undefined;
    const key = t.has(error.messageKey) ? error.messageKey : error.code;
    return { ok: false, code: error.code, message: t(key, error.params ?? {}), fieldErrors };
  }
  if (isUniqueViolation(error)) {
    // Two people created the same thing at the same moment; the module's own check saw neither.
    return { ok: false, code: 'CONFLICT', message: t('CONFLICT') };
  }
  const errorId = randomUUID().slice(0, 8);
  console.error(`[action error ${errorId}]`, error);
  return { ok: false, code: 'INTERNAL', message: t('internal', { errorId }), errorId };
}
