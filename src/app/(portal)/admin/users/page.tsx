import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ROLES } from '@/domain/auth/roles';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { inputClass } from '@/components/ui/styles';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatDateTime } from '@/lib/format';
import { ZUserSearch } from '@/lib/validation/users';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { institutionOptions } from '@/server/institutions/list-institutions';
import { listUsers } from '@/server/users/list-users';
import { CreateUserDialog, UserRowActions } from './user-dialogs';

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePermission('manage:user:all');
  const filter = ZUserSearch.parse(await searchParams);
  const [result, institutions] = await Promise.all([listUsers(db(), actor, filter), institutionOptions(db(), actor)]);
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const roleLabels = Object.fromEntries(ROLES.map((r) => [r, t(`roles.${r}`)]));
  const query = (page: number) =>
    `?${new URLSearchParams({ ...(filter.q ? { q: filter.q } : {}), ...(filter.role ? { role: filter.role } : {}), page: String(page) })}`;
  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={<CreateUserDialog institutions={institutions} roleLabels={roleLabels} />}
      />
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search" method="get">
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('common.search')}</span>
          <input
            name="q"
            defaultValue={filter.q ?? ''}
            placeholder={t('users.searchPlaceholder')}
            className={`${inputClass} w-56`}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('users.role')}</span>
          <select name="role" defaultValue={filter.role ?? ''} className={`${inputClass} w-56`}>
            <option value="">{t('users.allRoles')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="h-10 rounded-md border border-slate-300 bg-white px-4 text-sm hover:bg-slate-100"
        >
          {t('common.search')}
        </button>
      </form>
      {result.rows.length === 0 ? (
        <EmptyState title={t('users.empty')} />
      ) : (
        <Table
          caption={t('users.title')}
          head={[
            t('users.name'),
            t('users.email'),
            t('users.roles'),
            t('users.status'),
            t('users.lastLogin'),
            t('common.actions'),
          ]}
        >
          {result.rows.map((u) => (
            <tr key={u.id}>
              <Td>{u.name}</Td>
              <Td>{u.email}</Td>
              <Td>
                <ul className="flex flex-col gap-0.5">
                  {u.roles.map((r) => (
                    <li key={r.role}>
                      {roleLabels[r.role]}
                      {r.institutionName ? (
                        <span className="text-xs text-slate-600">（{r.institutionName}）</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </Td>
              <Td>
                <div className="flex flex-wrap gap-1">
                  <Badge tone={u.status === 'ACTIVE' ? 'green' : 'slate'}>{t(`enums.userStatus.${u.status}`)}</Badge>
                  {u.locked ? <Badge tone="red">{t('users.locked')}</Badge> : null}
                  {u.mustChangePassword ? <Badge tone="amber">{t('users.mustChange')}</Badge> : null}
                </div>
              </Td>
              <Td className="whitespace-nowrap">{formatDateTime(u.lastLoginAt, locale)}</Td>
              <Td>
                <UserRowActions
                  user={u}
                  institutions={institutions}
                  roleLabels={roleLabels}
                  self={u.id === actor.userId}
                />
              </Td>
            </tr>
          ))}
        </Table>
      )}
      <nav
        className="mt-3 flex items-center gap-3 text-sm"
        aria-label={t('common.pageOf', { page: result.page, pages, total: result.total })}
      >
        <span>{t('common.pageOf', { page: result.page, pages, total: result.total })}</span>
        {result.page > 1 ? (
          <Link href={query(result.page - 1)} className="text-brand-700 underline">
            {t('common.previous')}
          </Link>
        ) : null}
        {result.page < pages ? (
          <Link href={query(result.page + 1)} className="text-brand-700 underline">
            {t('common.next')}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
