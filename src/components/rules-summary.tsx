import { getTranslations } from 'next-intl/server';
import type { ProgramRules } from '@/domain/program/rules';
import { formatGrant } from '@/lib/format';

/** The conditions of a call in words: who may apply, money and time, how it is reviewed. */
export async function RulesSummary({ rules, locale }: { rules: ProgramRules; locale: 'zh-CN' | 'en' }) {
  const t = await getTranslations();
  const pct = (bp: number) => `${bp / 100}%`;
  const items: [string, string][] = [
    [t('rules.applicantKind'), t(`rules.applicantKinds.${rules.applicantKind}`)],
    ...(rules.age
      ? [[t('rules.ageLimit'), t('rules.underAge', { age: rules.age.maxExclusive })] as [string, string]]
      : []),
    ...(rules.youthTrack
      ? [
          [
            t('rules.youthTrack'),
            t('rules.youthTrackLine', {
              age: rules.youthTrack.maxAgeExclusive,
              share: pct(rules.youthTrack.minShareBp),
            }),
          ] as [string, string],
        ]
      : []),
    ...(rules.minTitle ? [[t('rules.minTitle'), t(`enums.title.${rules.minTitle}`)] as [string, string]] : []),
    [t('rules.institutions'), rules.institutionKinds.map((k) => t(`enums.institutionKind.${k}`)).join('、')],
    [t('rules.affiliations'), rules.affiliations.map((a) => t(`enums.affiliation.${a}`)).join('、')],
    [t('rules.limits'), t('rules.limitsLine', { pi: rules.limits.maxAsPi, member: rules.limits.maxAsMember })],
    [
      t('rules.budget'),
      `${formatGrant(BigInt(rules.budget.minFen), locale)} – ${formatGrant(BigInt(rules.budget.maxFen), locale)}`,
    ],
    [t('rules.budgetModes'), rules.budget.modes.map((m) => t(`rules.budgetModeNames.${m}`)).join('、')],
    [
      t('rules.duration'),
      t('rules.monthsRange', { min: rules.budget.durationMonths.min, max: rules.budget.durationMonths.max }),
    ],
    [
      t('rules.stages'),
      [
        rules.stages.formalCheck && t('rules.stageNames.formalCheck'),
        rules.stages.mailReview && t('rules.stageNames.mailReview'),
        rules.stages.panel && t('rules.stageNames.panel'),
      ]
        .filter(Boolean)
        .join(' → '),
    ],
    ...(rules.mailReview
      ? [
          [
            t('rules.nonConsensus'),
            t('rules.nonConsensusLine', {
              measure: t(`rules.nonConsensusMeasures.${rules.mailReview.nonConsensus.measure}`),
              threshold: rules.mailReview.nonConsensus.threshold,
            }),
          ] as [string, string],
        ]
      : []),
  ];
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
