import { getLocale, getTranslations } from 'next-intl/server';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatDateTime } from '@/lib/format';
import { db } from '@/server/db';
import { listAnnouncementsForStaff } from '@/server/announcements/announcements';
import { requirePermission } from '@/server/auth/session';
import { AnnouncementForm } from './announcement-form';
import { AnnouncementRowActions } from './row-actions';

export default async function AnnouncementsPage() {
  const actor = await requirePermission('manage:announcement:all');
  const rows = await listAnnouncementsForStaff(db(), actor);
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  const tone = { DRAFT: 'slate', PUBLISHED: 'green', WITHDRAWN: 'amber' } as const;
  return (
    <>
      <PageHeader title={t('announcements.title')} description={t('announcements.description')} />
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="lg:col-span-3">
          {rows.length === 0 ? (
            <EmptyState title={t('announcements.empty')} />
          ) : (
            <Table
              caption={t('announcements.title')}
              head={[
                t('announcements.fieldTitle'),
                t('announcements.status'),
                t('announcements.publishedAt'),
                t('announcements.author'),
                t('common.actions'),
              ]}
            >
              {rows.map((a) => (
                <tr key={a.id}>
                  <Td className="max-w-72">{a.title}</Td>
                  <Td>
                    <Badge tone={tone[a.status]}>{t(`enums.announcementStatus.${a.status}`)}</Badge>
                  </Td>
                  <Td className="whitespace-nowrap">{formatDateTime(a.publishedAt, locale)}</Td>
                  <Td>{a.author.name}</Td>
                  <Td>
                    <AnnouncementRowActions id={a.id} version={a.version} status={a.status} title={a.title} />
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </div>
        <div className="lg:col-span-2">
          <AnnouncementForm />
        </div>
      </div>
    </>
  );
}
