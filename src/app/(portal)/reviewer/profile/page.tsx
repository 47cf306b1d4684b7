import { getLocale, getTranslations } from 'next-intl/server';
import { Card, EmptyState, PageHeader, Stat } from '@/components/ui/card';
import { REVIEW_LANGUAGES, type ReviewLanguage } from '@/domain/review/scoring';
import { asLocale } from '@/i18n/config';
import { DomainError } from '@/lib/errors';
import { formatCalendarDate, localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { currentDisciplines } from '@/server/reference/taxonomy';
import { getOwnExpertProfile } from '@/server/review/expert-pool';
import { OwnExpertProfileForm } from './own-profile-form';

const isLanguage = (l: string): l is ReviewLanguage => (REVIEW_LANGUAGES as readonly string[]).includes(l);

export default async function ExpertProfilePage() {
  const actor = await requirePermission('update:expert-profile:own');
  const [profile, disciplines, t, locale] = await Promise.all([
    // Holding the EXPERT role does not yet put a person in the pool: staff add them. Say so instead of a 404.
    getOwnExpertProfile(db(), actor).catch((e: unknown) => {
      if (e instanceof DomainError && e.code === 'NOT_FOUND') return null;
      throw e;
    }),
    currentDisciplines(db()),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  if (!profile) {
    return (
      <>
        <PageHeader title={t('expertProfile.title')} />
        <EmptyState title={t('expertProfile.notInPool')}>{t('expertProfile.notInPoolHint')}</EmptyState>
      </>
    );
  }
  const disciplineName = new Map(disciplines.map((d) => [d.code, localized(locale, d.name, d.nameEn)]));
  const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  let country = profile.country;
  try {
    country = `${regions.of(profile.country) ?? profile.country} (${profile.country})`;
  } catch {
    // An unknown code is shown as stored.
  }
  const institution = profile.institution
    ? localized(locale, profile.institution.name, profile.institution.nameEn)
    : profile.institutionName || '—';
  return (
    <>
      <PageHeader title={t('expertProfile.title')} description={t('expertProfile.description')} />
      <div className="flex max-w-3xl flex-col gap-6">
        <OwnExpertProfileForm
          initial={{
            version: profile.version,
            languages: profile.languages.filter(isLanguage),
            keywords: profile.keywords.join(', '),
            nameVariants: profile.nameVariants.join(', '),
            unavailableFrom: profile.unavailableFrom ? formatCalendarDate(profile.unavailableFrom) : '',
            unavailableUntil: profile.unavailableUntil ? formatCalendarDate(profile.unavailableUntil) : '',
          }}
        />
        <Card title={t('expertProfile.keptByStaff')}>
          <p className="mb-3 text-sm text-slate-600">{t('expertProfile.keptByStaffHint')}</p>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-600">{t('expertProfile.institution')}</dt>
              <dd className="text-slate-900">{institution}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t('expertProfile.country')}</dt>
              <dd className="text-slate-900">{country}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t('expertProfile.titleField')}</dt>
              <dd className="text-slate-900">{profile.title ? t(`enums.title.${profile.title}`) : '—'}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t('expertProfile.loadLimit')}</dt>
              <dd className="text-slate-900">
                {t('expertProfile.loadLimitValue', { count: profile.loadLimitPerCall })}
              </dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="text-slate-600">{t('expertProfile.disciplines')}</dt>
              <dd className="text-slate-900">
                {profile.disciplineCodes.length ? (
                  <ul>
                    {profile.disciplineCodes.map((c) => (
                      <li key={c}>
                        <span className="font-mono">{c}</span> {disciplineName.get(c) ?? ''}
                      </li>
                    ))}
                  </ul>
                ) : (
                  '—'
                )}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">{t('expertProfile.status')}</dt>
              <dd className="text-slate-900">
                {profile.active ? t('expertProfile.activeYes') : t('expertProfile.activeNo')}
              </dd>
            </div>
          </dl>
        </Card>
        <section aria-labelledby="expert-credit">
          <h2 id="expert-credit" className="mb-1 text-base font-semibold text-slate-900">
            {t('expertProfile.credit')}
          </h2>
          <p className="mb-3 text-sm text-slate-600">{t('expertProfile.creditHint')}</p>
          <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
            <Stat
              label={t('expertProfile.creditScore')}
              value={profile.creditScore ?? '—'}
              hint={profile.creditScore === null ? t('expertProfile.creditScoreNone') : undefined}
            />
            <Stat label={t('expertProfile.reviewsSubmitted')} value={profile.reviewsSubmitted} />
            <Stat label={t('expertProfile.reviewsLate')} value={profile.reviewsLate} />
            <Stat label={t('expertProfile.invitationsDeclined')} value={profile.invitationsDeclined} />
            <Stat
              label={t('expertProfile.quality')}
              value={profile.qualityRatingAvg === null ? '—' : profile.qualityRatingAvg.toFixed(2)}
              hint={t('expertProfile.qualityHint')}
            />
          </div>
        </section>
      </div>
    </>
  );
}
