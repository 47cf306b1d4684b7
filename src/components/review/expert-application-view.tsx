import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Facts, Prose } from '@/components/applications/prose';
import { PlatformApplicationSections } from '@/components/platforms/platform-application-sections';
import { Alert, Card, EmptyState } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { formatFen, localized } from '@/lib/format';
import type { ExpertAssignmentView } from '@/server/review/expert-work';

const SECTIONS = ['researchContent', 'innovation', 'plan', 'outcomes'] as const;

/**
 * The application as the expert may read it: the frozen snapshot, or in blind mode its redacted copy (blind.ts) —
 * no name, institution, ORCID, author line or file name; attachments by slot through the expert's own assignment.
 * An English-reading expert sees the English title and abstract first.
 */
export async function ExpertApplicationView({ view }: { view: ExpertAssignmentView }) {
  const [t, tv, locale] = await Promise.all([
    getTranslations('reviewer'),
    getTranslations('applicationView'),
    getLocale().then(asLocale),
  ]);
  const snap = view.snapshot;
  if (!snap) return <EmptyState title={tv('notGiven')} />;
  const s = snap.blind ? snap.redacted : snap.full;
  const content = (s.content ?? {}) as Record<string, string | undefined>;
  const english = locale === 'en';
  const lumpSum = s.budget.lumpSumFen ? BigInt(s.budget.lumpSumFen) : null;
  const total = lumpSum ?? s.budget.lines.reduce((sum, l) => sum + BigInt(l.amountFen), 0n);
  const slotLabel = (key: string) => {
    const slot = view.attachmentSlots.find((x) => x.key === key);
    return slot ? localized(locale, slot.label, slot.labelEn) : key;
  };
  const identity: [string, ReactNode][] = snap.blind
    ? []
    : [
        [tv('applicant'), snap.full.applicant.name],
        [tv('institution'), snap.full.applicant.institution],
        [tv('department'), snap.full.applicant.department ?? '—'],
      ];
  return (
    <div className="flex flex-col gap-6">
      {snap.blind ? <Alert tone="info">{t('blindNotice')}</Alert> : null}
      <Card title={tv('factsTitle')}>
        <Facts
          wide={false}
          rows={[
            [tv('code'), view.code ?? '—'],
            [tv('call'), localized(locale, s.call.title, s.call.titleEn)],
            [tv('program'), localized(locale, s.call.program.name, s.call.program.nameEn)],
            ...identity,
            [tv('youthTrack'), s.applicant.youthTrack ? '✓' : '—'],
            [tv('discipline'), s.disciplineCode ?? '—'],
            [tv('keywords'), s.keywords.join('；') || '—'],
            [tv('duration'), s.durationMonths ? tv('months', { months: s.durationMonths }) : '—'],
            [tv('budgetTotal'), formatFen(total, locale)],
          ]}
        />
      </Card>
      <Card title={tv('projectTitle')}>
        <div className="flex flex-col gap-4">
          {(english
            ? [
                [t('englishTitle'), s.titleEn],
                [t('englishAbstract'), s.abstractEn],
                [tv('abstract'), s.abstract],
              ]
            : [
                [tv('abstract'), s.abstract],
                [tv('titleEn'), s.titleEn],
                [tv('abstractEn'), s.abstractEn],
              ]
          ).map(([label, text]) => (
            <div key={label}>
              <h3 className="mb-1 text-sm font-semibold text-slate-700">{label}</h3>
              <Prose text={text} empty={tv('notGiven')} />
            </div>
          ))}
        </div>
      </Card>
      {!snap.blind && snap.full.platform ? (
        // A platform application (issue 7): directions, partners and the budget by year and source.
        <PlatformApplicationSections platform={snap.full.platform} />
      ) : (
        <Card title={tv('contentTitle')}>
          <div className="flex flex-col gap-4">
            {SECTIONS.map((key) => (
              <div key={key}>
                <h3 className="mb-1 text-sm font-semibold text-slate-700">{tv(`sections.${key}`)}</h3>
                <Prose text={content[key]} empty={tv('notGiven')} />
              </div>
            ))}
          </div>
        </Card>
      )}
      <Card title={tv('membersTitle')}>
        {s.members.length === 0 ? (
          <p className="text-sm text-slate-600">{tv('noMembers')}</p>
        ) : (
          <ul className="flex flex-col gap-2 text-sm">
            {s.members.map((m, i) => (
              <li key={i}>
                <span className="font-medium">
                  {snap.blind ? t('memberN', { n: i + 1 }) : snap.full.members[i]?.name}
                </span>
                {' · '}
                {m.responsibility || '—'} · {tv('monthsPerYear')} {m.monthsPerYear}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={tv('worksTitle')}>
        {s.works.length === 0 ? (
          <p className="text-sm text-slate-600">{tv('noWorks')}</p>
        ) : (
          <ol className="flex list-decimal flex-col gap-3 pl-5 text-sm">
            {s.works.map((w, i) => (
              <li key={i}>
                <p className="font-medium text-slate-900">{w.title}</p>
                <p className="text-slate-600">{t('workVenue', { venue: w.venue, year: w.year })}</p>
                {snap.blind ? null : <p className="text-slate-600">{snap.full.works[i]?.authors}</p>}
                <p className="mt-1 text-slate-800">
                  {t('labelValue', { label: tv('contribution'), value: w.contributionStatement })}
                </p>
              </li>
            ))}
          </ol>
        )}
      </Card>
      <Card title={tv('attachmentsTitle')}>
        {s.attachments.length === 0 ? (
          <p className="text-sm text-slate-600">{tv('noAttachments')}</p>
        ) : (
          <ul className="flex flex-col gap-2 text-sm">
            {s.attachments.map((a) => (
              <li key={a.slotKey}>
                <a
                  href={`/api/review/${view.id}/attachments/${a.slotKey}`}
                  className="text-brand-700 underline"
                  download
                >
                  {t('slotFile', { label: slotLabel(a.slotKey) })}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
