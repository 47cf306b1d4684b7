'use client';
import { useTranslations } from 'next-intl';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { errorAt } from '@/components/forms/error-at';
import { useErrorText } from '@/components/forms/use-error-text';
import { Card } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import { budgetRulesOf, computeBudget, type FundingInput } from '@/domain/application/budget';
import { fenToWan, parseMoney } from '@/domain/money';
import type { BudgetMode } from '@/domain/program/rules';
import type { TApplicationDraft } from '@/lib/validation/applications';
import { msg } from '@/lib/validation/messages';

export interface BudgetRulesView {
  modes: readonly BudgetMode[];
  minFen: string;
  maxFen: string;
  indirectMaxShareBp: number;
  durationMonths: { min: number; max: number };
}

export interface Category {
  code: string;
  name: string;
  isIndirect: boolean;
}

const fen = (s: string | null | undefined) => {
  if (!s) return 0n;
  const p = parseMoney(s, 'wan');
  return p.ok ? p.fen : 0n;
};

/**
 * The budget as the person types it, summed and checked live by the same pure function the server runs on save and
 * submit (computeBudget): totals, the indirect-cost share against its cap, the fiscal range and the funding balance.
 */
export function BudgetSection({
  form,
  rules,
  categories,
  challenge,
  pledgedEnterpriseWan,
}: {
  form: UseFormReturn<TApplicationDraft>;
  rules: BudgetRulesView;
  categories: Category[];
  challenge: { fiscalWan: string; pledgedWan: string } | null;
  pledgedEnterpriseWan: string | null;
}) {
  const t = useTranslations('applications');
  const errorText = useErrorText();
  const {
    register,
    control,
    watch,
    formState: { errors },
  } = form;
  const lines = useFieldArray({ control, name: 'budgetLines' });
  const mode = watch('budgetMode');
  const values = watch();
  const err = (path: string) => errorText(errorAt(errors, path));

  const funding: FundingInput[] = [
    { source: 'FISCAL', amountFen: challenge ? fen(challenge.fiscalWan) : fen(values.funding?.fiscalWan) },
    { source: 'ENTERPRISE', amountFen: challenge ? fen(challenge.pledgedWan) : fen(values.funding?.enterpriseWan) },
    { source: 'INSTITUTION', amountFen: fen(values.funding?.institutionWan) },
  ];
  const summary = computeBudget(
    mode,
    mode === 'LINE_ITEM'
      ? (values.budgetLines ?? []).map((l) => ({ categoryCode: l.categoryCode, amountFen: fen(l.amountWan) }))
      : [],
    mode === 'LUMP_SUM' ? fen(values.lumpSumWan) : null,
    funding,
    budgetRulesOf({ budget: { ...rules, modes: [...rules.modes] } }),
    {
      indirectCodes: categories.filter((c) => c.isIndirect).map((c) => c.code),
      knownCodes: categories.map((c) => c.code),
      pledgedEnterpriseFen: pledgedEnterpriseWan === null ? null : fen(pledgedEnterpriseWan),
    },
  );
  const budgetErrors = summary.errors.map((e) => errorText(msg(e.code, e.params)));

  return (
    <Card title={t('sectionBudget')}>
      <div className="flex flex-col gap-4">
        <p className="text-sm text-slate-700">
          {t('budgetRange', { min: fenToWan(BigInt(rules.minFen)), max: fenToWan(BigInt(rules.maxFen)) })}
        </p>
        <div id="f-budgetMode">
          {rules.modes.length > 1 ? (
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">{t('budgetMode')}</legend>
              <div className="mt-1 flex flex-wrap gap-4">
                {rules.modes.map((m) => (
                  <label key={m} className="flex items-center gap-2 text-sm">
                    <input type="radio" value={m} {...register('budgetMode')} />
                    {t(`budgetModes.${m}`)}
                  </label>
                ))}
              </div>
              <p className="mt-1 text-xs text-slate-600">{t('budgetModeHint')}</p>
            </fieldset>
          ) : (
            <p className="text-sm text-slate-700">
              {t('issue', { label: t('budgetMode'), message: t(`budgetModes.${rules.modes[0]!}`) })}
            </p>
          )}
        </div>

        {mode === 'LINE_ITEM' ? (
          <div id="f-budgetLines" className="flex flex-col gap-3">
            {lines.fields.map((line, i) => (
              <div
                key={line.id}
                id={`f-budgetLines.${i}`}
                className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_10rem_auto]"
              >
                <Field label={t('lineCategory', { n: i + 1 })} error={err(`budgetLines.${i}.categoryCode`)}>
                  <select className={inputClass} {...register(`budgetLines.${i}.categoryCode`)}>
                    <option value="">{t('choose')}</option>
                    {categories.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.name}
                        {c.isIndirect ? `（${t('indirect')}）` : ''}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field label={t('lineAmount', { n: i + 1 })} error={err(`budgetLines.${i}.amountWan`)}>
                  <input className={inputClass} inputMode="decimal" {...register(`budgetLines.${i}.amountWan`)} />
                </Field>
                <div className="flex items-end">
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    aria-label={t('removeLine', { n: i + 1 })}
                    onClick={() => lines.remove(i)}
                  >
                    {t('remove')}
                  </Button>
                </div>
                <Field
                  className="sm:col-span-3"
                  label={t('lineJustification', { n: i + 1 })}
                  error={err(`budgetLines.${i}.justification`)}
                >
                  <input className={inputClass} {...register(`budgetLines.${i}.justification`)} />
                </Field>
              </div>
            ))}
            <div>
              <Button
                type="button"
                variant="secondary"
                size="sm"
                onClick={() => lines.append({ categoryCode: '', amountWan: '', justification: '' })}
              >
                {t('addLine')}
              </Button>
            </div>
          </div>
        ) : (
          <div className="flex flex-col gap-4">
            <div id="f-lumpSumWan">
              <Field label={t('lumpSum')} hint={t('wanHint')} error={err('lumpSumWan')} required>
                <input className={inputClass} inputMode="decimal" {...register('lumpSumWan')} />
              </Field>
            </div>
            <div id="f-lumpSumPlan">
              <Field label={t('lumpSumPlan')} hint={t('lumpSumPlanHint')} error={err('lumpSumPlan')} required>
                <textarea className={textareaClass} rows={4} {...register('lumpSumPlan')} />
              </Field>
            </div>
          </div>
        )}

        <fieldset id="f-funding" className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-sm font-medium text-slate-800">{t('fundingSources')}</legend>
          {challenge ? (
            <>
              <Field label={t('fundingFiscal')} hint={t('fromChallenge')}>
                <input className={inputClass} value={challenge.fiscalWan} readOnly />
              </Field>
              <Field label={t('fundingEnterprise')} hint={t('fromChallenge')}>
                <input className={inputClass} value={challenge.pledgedWan} readOnly />
              </Field>
            </>
          ) : (
            <>
              <div id="f-funding.FISCAL">
                <Field label={t('fundingFiscal')} hint={t('wanHint')} error={err('funding.fiscalWan')} required>
                  <input className={inputClass} inputMode="decimal" {...register('funding.fiscalWan')} />
                </Field>
              </div>
              <div id="f-funding.ENTERPRISE">
                <Field label={t('fundingEnterprise')} hint={t('wanHint')} error={err('funding.enterpriseWan')}>
                  <input className={inputClass} inputMode="decimal" {...register('funding.enterpriseWan')} />
                </Field>
              </div>
            </>
          )}
          <Field label={t('fundingInstitution')} hint={t('wanHint')} error={err('funding.institutionWan')}>
            <input className={inputClass} inputMode="decimal" {...register('funding.institutionWan')} />
          </Field>
        </fieldset>

        <dl
          className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-md bg-slate-50 p-3 text-sm sm:grid-cols-4"
          aria-live="polite"
        >
          <dt className="text-slate-600">{t('direct')}</dt>
          <dd className="font-medium text-slate-900">{fenToWan(summary.directFen)}</dd>
          <dt className="text-slate-600">{t('indirect')}</dt>
          <dd className="font-medium text-slate-900">
            {fenToWan(summary.indirectFen)}
            {mode === 'LINE_ITEM' ? ` (${summary.indirectShareBp / 100}% / ≤${rules.indirectMaxShareBp / 100}%)` : ''}
          </dd>
          <dt className="text-slate-600">{t('total')}</dt>
          <dd className="font-medium text-slate-900">{fenToWan(summary.totalFen)}</dd>
          <dt className="text-slate-600">{t('fundingTotal')}</dt>
          <dd className="font-medium text-slate-900">{fenToWan(summary.fundingTotalFen)}</dd>
        </dl>
        {budgetErrors.length ? (
          <ul className="flex flex-col gap-1 text-sm text-accent-600">
            {budgetErrors.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </Card>
  );
}
