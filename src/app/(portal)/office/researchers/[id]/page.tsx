import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { DomainError } from '@/lib/errors';
import { formatCalendarDate } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { getInstitutionResearcher } from '@/server/researchers/profile';

export default async function OfficeResearcherPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('read:researcher:institution');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const record = await getInstitutionResearcher(db(), actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') return null;
    throw e;
  });
  if (!record) notFound();
  const t = await getTranslations();
  const rows: [string, string][] = [
    [t('profile.institution'), record.institution.name],
    [t('profile.department'), record.department ?? '—'],
    [t('profile.gender'), record.gender ? t(`enums.gender.${record.gender}`) : '—'],
    [t('profile.birthDate'), formatCalendarDate(record.birthDate)],
    [t('profile.titleField'), record.title ? t(`enums.title.${record.title}`) : '—'],
    [t('profile.degree'), record.degree ? t(`enums.degree.${record.degree}`) : '—'],
    [t('profile.disciplineCodes'), record.disciplineCodes.join('、') || '—'],
    [t('profile.keywords'), record.keywords.join('、') || '—'],
    [t('profile.orcid'), record.orcid ?? '—'],
  ];
  return (
    <>
      <PageHeader
        title={record.user.name}
        description={record.user.email}
        actions={
          <Link href="/office/researchers" className="text-sm text-brand-700 underline">
            {t('office.researchersTitle')}
          </Link>
        }
      />
      <Card
        title={t('profile.title')}
        actions={
          record.missing.length === 0 ? (
            <Badge tone="green">{t('office.complete')}</Badge>
          ) : (
            <Badge tone="amber">{t('office.missing', { count: record.missing.length })}</Badge>
          )
        }
      >
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[10rem_1fr]">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-sm text-slate-600">{label}</dt>
              <dd className="text-sm text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </>
  );
}
