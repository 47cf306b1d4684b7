import 'server-only';
import type { Db } from '../db';
import type { Actor } from '../auth/actor';

/** Remembers a signed-in person's language (so e-mails later speak it too). A preference, not audited. */
export async function saveLocalePreference(client: Db, actor: Actor, locale: 'zh-CN' | 'en') {
  if (actor.locale === locale) return;
  await client.user.update({ where: { id: actor.userId }, data: { locale } });
}
