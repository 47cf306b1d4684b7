import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ApplicationStatusBadge } from '@/components/applications/status-badge';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listPlatformApplications, listPlatformCalls } from '@/server/platforms/application';
import { StartPlatformForm } from './start-form';

/** 平台申报: the open platform calls the institution may apply to (with its quota) and its platform applications. */
export default async function PlatformApplyPage() {
  const actor = await requirePermission('apply:platform:institution');
  const [calls, apps, t, locale] = await Promise.all([
    listPlatformCalls(db(), actor),
    listPlatformApplications(db(), actor),
    getTranslations('platformApply'),
    getLocale().then(asLocale),
  ]);
  const open = calls.filter((c) => c.eligible);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="flex flex-col gap-6">
        <Card title={t('callsTitle')}>
          {calls.length === 0 ? (
            <EmptyState title={t('noCalls')} />
          ) : (
            <Table caption={t('callsTitle')} head={[t('program'), t('call'), t('closesAt'), t('quota')]}>
              {calls.map((c) => (
                <tr key={c.id}>
                  <Td>{localized(locale, c.program.name, c.program.nameEn)}</Td>
                  <Td>
                    {localized(locale, c.title, c.titleEn)}
                    {c.eligible ? null : (
                      <span className="ml-2">
                        <Badge tone="amber">{t('notEligible')}</Badge>
                      </span>
                    )}
                  </Td>
                  <Td className="whitespace-nowrap tabular-nums">{formatDateTime(c.closesAt, locale)}</Td>
                  <Td className="whitespace-nowrap tabular-nums">
                    {t('quotaValue', { used: c.quota.used, quota: c.quota.quota })}
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>

        <Card title={t('startTitle')}>
          {open.length === 0 ? (
            <EmptyState title={t('noCalls')} />
          ) : (
            <StartPlatformForm
              calls={open.map((c) => ({
                id: c.id,
                label: `${localized(locale, c.program.name, c.program.nameEn)} · ${localized(locale, c.title, c.titleEn)}`,
                full: c.quota.used >= c.quota.quota,
              }))}
            />
          )}
        </Card>

        <Card title={t('mineTitle')}>
          {apps.length === 0 ? (
            <EmptyState title={t('noApplications')} />
          ) : (
            <Table
              caption={t('mineTitle')}
              head={[t('code'), t('platformName'), t('director'), t('call'), t('status'), t('updatedAt')]}
            >
              {apps.map((a) => (
                <tr key={a.id}>
                  <Td className="whitespace-nowrap">{a.code ?? '—'}</Td>
                  <Td>
                    <Link
                      className="font-medium text-brand-700 hover:underline"
                      href={`/office/platforms/apply/${a.id}`}
                    >
                      {a.title || t('untitled')}
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap">{a.applicant.name}</Td>
                  <Td>
                    {localized(locale, a.call.program.name, a.call.program.nameEn)}
                    <p className="text-xs text-slate-600">{localized(locale, a.call.title, a.call.titleEn)}</p>
                  </Td>
                  <Td>
                    <ApplicationStatusBadge status={a.status} />
                  </Td>
                  <Td className="whitespace-nowrap tabular-nums">{formatDateTime(a.updatedAt, locale)}</Td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
