import { getLocale, getTranslations } from 'next-intl/server';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatDateTime } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { getSecurityPolicy } from '@/server/security/get-security-policy';
import { listLockedAccounts } from '@/server/security/locked-accounts';
import { PolicyForm, UnlockButton } from './security-forms';

export default async function SecurityPage() {
  const actor = await requirePermission('manage:security-policy:all');
  const [policy, locked] = await Promise.all([getSecurityPolicy(db()), listLockedAccounts(db(), actor)]);
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  return (
    <>
      <PageHeader title={t('security.title')} description={t('security.description')} />
      <div className="grid gap-6 lg:grid-cols-2">
        <PolicyForm initial={policy} />
        <Card title={t('security.lockedTitle')}>
          {locked.length === 0 ? (
            <EmptyState title={t('security.lockedEmpty')} />
          ) : (
            <Table
              caption={t('security.lockedTitle')}
              head={[t('users.email'), t('security.failedCount'), t('security.lockedUntil'), t('common.actions')]}
            >
              {locked.map((u) => (
                <tr key={u.id}>
                  <Td>
                    <div>{u.name}</div>
                    <div className="text-xs text-slate-600">{u.email}</div>
                  </Td>
                  <Td>{u.failedLoginCount}</Td>
                  <Td>
                    {u.locked ? (
                      <Badge tone="red">{formatDateTime(u.lockedUntil, locale)}</Badge>
                    ) : (
                      t('security.notLocked')
                    )}
                  </Td>
                  <Td>
                    <UnlockButton id={u.id} email={u.email} />
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
