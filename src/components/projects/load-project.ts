import 'server-only';
import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import type { Permission } from '@/domain/auth/permissions';
import { asLocale } from '@/i18n/config';
import { DomainError } from '@/lib/errors';
import { localized } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { getProject, type ProjectDetail } from '@/server/projects/projects';

// The project pages' first lines: the permission, the project as this actor may see it (a project outside the
// actor's scope is the 404 page, like one that does not exist), the locale.

export async function loadProjectPage(permission: Permission, projectId: string) {
  const actor = await requirePermission(permission);
  const locale = asLocale(await getLocale());
  try {
    const p = await getProject(db(), actor, projectId);
    return { actor, p, locale };
  } catch (e) {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
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
