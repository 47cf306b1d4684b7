import 'server-only';
import { getLocale } from 'next-intl/server';
import type { Permission } from '@/domain/auth/permissions';
import { asLocale } from '@/i18n/config';
import { orNotFound } from '@/lib/or-not-found';
import { localized } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { getProject, type ProjectDetail } from '@/server/projects/projects';

// The project pages' first lines: the permission, the project as this actor may see it (a project outside the
// actor's scope is the 404 page, like one that does not exist), the locale.

export async function loadProjectPage(permission: Permission, projectId: string) {
  const actor = await requirePermission(permission);
  const locale = asLocale(await getLocale());
  const p = await orNotFound(getProject(db(), actor, projectId));
  return { actor, p, locale };
}

/** The project's calendar years, for year pickers. */
export function projectYears(p: ProjectDetail): number[] {
  const first = Number(p.startDate.slice(0, 4));
  const last = Number(p.endDate.slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export function categoryOptions(p: ProjectDetail, locale: 'zh-CN' | 'en') {
  return p.categories.map((c) => ({ code: c.code, label: localized(locale, c.name, c.nameEn) }));
}
