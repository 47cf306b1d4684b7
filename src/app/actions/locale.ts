'use server';
import { cookies } from 'next/headers';
import { asLocale, LOCALE_COOKIE, type Locale } from '@/i18n/config';
import { db } from '@/server/db';
import { saveLocalePreference } from '@/server/account/set-locale';
import { getActor } from '@/server/auth/session';

async function setCookie(locale: Locale) {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 86_400, sameSite: 'lax', httpOnly: false });
}

/** The language switch: anyone may use it; a signed-in person's choice is remembered on their account. */
export async function setLocaleAction(value: string): Promise<void> {
  const locale = asLocale(value);
  await setCookie(locale);
  const actor = await getActor();
  if (actor) await saveLocalePreference(db(), actor, locale);
}

/**
 * Called right after login. An explicit choice made on the login page (the cookie) wins and is remembered;
 * otherwise the account's saved language applies (international experts get English).
 */
export async function applyAccountLocaleAction(): Promise<void> {
  const actor = await getActor();
  if (!actor) return;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (chosen) await saveLocalePreference(db(), actor, asLocale(chosen));
  else await setCookie(actor.locale);
}
