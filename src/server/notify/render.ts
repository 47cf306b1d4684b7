import 'server-only';
import { createTranslator } from 'use-intl/core';
import type { NotificationKind } from '@/domain/notify/notifications';
import { asLocale, type Locale } from '@/i18n/config';
import en from '../../../messages/en.json';
import zh from '../../../messages/zh-CN.json';

// A notification's words, in the reader's language, from its kind and parameters (messages/*.json →
// notifications.kinds.<kind>). The inbox renders at read time; an e-mail is rendered once, when it is queued, in the
// recipient's language as saved on their account.

const MESSAGES = { 'zh-CN': zh, en } as const;

export type NotificationParams = Record<string, string | number>;

/**
 * Values a template may select on that older notifications were stored without (they render at read time): a deadline
 * reminder written before members were reminded was its holder's.
 */
const PARAM_DEFAULTS: NotificationParams = { role: 'holder' };

export function renderNotification(
  kind: NotificationKind,
  params: NotificationParams,
  locale: Locale | string,
): { title: string; body: string } {
  const lang = asLocale(locale);
  const t = createTranslator({ locale: lang, messages: MESSAGES[lang], namespace: 'notifications.kinds' });
  const values = { ...PARAM_DEFAULTS, ...params };
  return { title: t(`${kind}.title`, values), body: t(`${kind}.body`, values) };
}

/** The plain-text e-mail: the body, the link to act on, and the footer saying where it came from. */
export function renderMail(
  kind: NotificationKind,
  params: NotificationParams,
  locale: Locale | string,
  url: string,
): { subject: string; text: string } {
  const lang = asLocale(locale);
  const { title, body } = renderNotification(kind, params, lang);
  const t = createTranslator({ locale: lang, messages: MESSAGES[lang], namespace: 'notifications' });
  const brand = lang === 'en' ? 'Jingyan' : '京研';
  return { subject: `[${brand}] ${title}`, text: `${body}\n\n${url}\n\n—\n${t('mailFooter')}\n` };
}
