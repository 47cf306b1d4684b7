import { getLocale, getTranslations } from 'next-intl/server';
import { Prose } from '@/components/applications/prose';
import { Card } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { FUNDING_SOURCES, type PlatformSnapshot } from '@/domain/platform/application';
import { asLocale } from '@/i18n/config';
import { formatGrant, localized } from '@/lib/format';

/**
 * The platform's own sections of a submitted platform application (平台申报, issue 7), from its frozen snapshot:
 * goals and building plan, research directions, partner institutions and enterprises, and the budget by year and
 * source. ApplicationView and the expert's view show it when the snapshot has a platform part.
 */
export async function PlatformApplicationSections({ platform }: { platform: PlatformSnapshot }) {
  const [t, locale] = await Promise.all([getTranslations('platformApply'), getLocale().then(asLocale)]);
  const money = (fen: bigint) => formatGrant(fen, locale);
  const years = [...new Set(platform.yearBudget.map((r) => r.year))].sort((a, b) => a - b);
  const cell = (year: number | null, source: (typeof FUNDING_SOURCES)[number] | null) =>
    platform.yearBudget
      .filter((r) => (year === null || r.year === year) && (source === null || r.source === source))
      .reduce((s, r) => s + BigInt(r.amountFen), 0n);
  return (
    <>
      <Card title={t('view.planTitle')}>
        <div className="flex flex-col gap-5">
          {(['goals', 'buildingPlan', 'openness'] as const).map((key) => (
            <section key={key}>
              <h3 className="mb-1 text-sm font-semibold text-slate-800">{t(`fields.${key}`)}</h3>
              <Prose text={platform[key]} empty={t('view.notGiven')} />
            </section>
          ))}
        </div>
      </Card>

      <Card title={t('view.directionsTitle')}>
        {platform.directions.length === 0 ? (
          <p className="text-sm text-slate-600">{t('view.notGiven')}</p>
        ) : (
          <Table
            caption={t('view.directionsTitle')}
            head={[t('fields.directionTitle'), t('fields.directionLead'), t('fields.directionDescription')]}
          >
            {platform.directions.map((d, i) => (
              <tr key={i}>
                <Td>
                  <span className="font-medium">{d.title}</span>
                  {d.titleEn ? (
                    <span className="block text-xs text-slate-600" lang="en">
                      {d.titleEn}
                    </span>
                  ) : null}
                </Td>
                <Td className="whitespace-nowrap">{d.leadName || '—'}</Td>
                <Td className="whitespace-pre-wrap">{d.description || '—'}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>

      <Card title={t('view.partnersTitle')}>
        {platform.partners.length === 0 ? (
          <p className="text-sm text-slate-600">{t('view.noPartners')}</p>
        ) : (
          <Table
            caption={t('view.partnersTitle')}
            head={[t('fields.partnerInstitution'), t('fields.partnerRole'), t('fields.partnerContribution')]}
          >
            {platform.partners.map((p, i) => (
              <tr key={i}>
                <Td>{localized(locale, p.institution, p.institutionEn)}</Td>
                <Td className="whitespace-nowrap">{t(`partnerRoles.${p.role}`)}</Td>
                <Td className="whitespace-pre-wrap">{p.contribution || '—'}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>

      <Card title={t('view.yearBudgetTitle')}>
        {years.length === 0 ? (
          <p className="text-sm text-slate-600">{t('view.notGiven')}</p>
        ) : (
          <Table
            caption={t('view.yearBudgetTitle')}
            head={[t('fields.year'), ...FUNDING_SOURCES.map((s) => t(`sources.${s}`)), t('view.total')]}
          >
            {years.map((year) => (
              <tr key={year}>
                <Td className="tabular-nums">{year}</Td>
                {FUNDING_SOURCES.map((s) => (
                  <Td key={s} className="text-right whitespace-nowrap tabular-nums">
                    {money(cell(year, s))}
                  </Td>
                ))}
                <Td className="text-right font-medium whitespace-nowrap tabular-nums">{money(cell(year, null))}</Td>
              </tr>
            ))}
            <tr>
              <Td className="font-medium">{t('view.total')}</Td>
              {FUNDING_SOURCES.map((s) => (
                <Td key={s} className="text-right font-medium whitespace-nowrap tabular-nums">
                  {money(cell(null, s))}
                </Td>
              ))}
              <Td className="text-right font-semibold whitespace-nowrap tabular-nums">{money(cell(null, null))}</Td>
            </tr>
          </Table>
        )}
      </Card>
    </>
  );
}
