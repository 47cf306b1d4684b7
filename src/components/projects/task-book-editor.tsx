'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import {
  ZTaskBookBudget,
  ZTaskBookContent,
  ZTaskBookKpis,
  ZTaskBookMilestones,
  type TTaskBookBudget,
  type TTaskBookContent,
  type TTaskBookKpis,
  type TTaskBookMilestones,
} from '@/lib/validation/projects';
import type { ProjectAction } from './project-forms';

// The PI's task book editor: text, KPIs, milestones and budget, each saved on its own against the task book's
// version (one shared counter, so saving one part does not make the next save of another part stale). Every save
// clears the confirmations already given; the page says so above the editor.

export interface TaskBookEditorProps {
  projectId: string;
  version: number;
  content: { goals: string; plan: string; outputs: string };
  kpis: {
    id: string;
    challengeTargetId: string | null;
    name: string;
    unit: string;
    comparator: 'GTE' | 'LTE' | 'EQ' | 'RANGE';
    targetValue: string;
    acceptanceMethod: string;
  }[];
  milestones: { id: string; title: string; dueDate: string; isRaceCut: boolean }[];
  budget: {
    year: number;
    source: 'FISCAL' | 'ENTERPRISE' | 'INSTITUTION';
    categoryCode: string | null;
    amountWan: string;
  }[];
  lineItem: boolean;
  years: number[];
  categories: { code: string; label: string }[];
  sources: { value: 'FISCAL' | 'ENTERPRISE' | 'INSTITUTION'; label: string }[];
  actions: { content: ProjectAction; kpis: ProjectAction; milestones: ProjectAction; budget: ProjectAction };
}

type Saved = { version: number };

export function TaskBookEditor(props: TaskBookEditorProps) {
  const [version, setVersion] = useState(props.version);
  return (
    <div className="flex flex-col gap-6">
      <ContentForm {...props} version={version} onSaved={setVersion} />
      <KpiForm {...props} version={version} onSaved={setVersion} />
      <MilestoneForm {...props} version={version} onSaved={setVersion} />
      <BudgetForm {...props} version={version} onSaved={setVersion} />
    </div>
  );
}

type PartProps = TaskBookEditorProps & { version: number; onSaved: (v: number) => void };

function useSave(form: Parameters<typeof useActionForm>[0], action: ProjectAction, onSaved: (v: number) => void) {
  const t = useTranslations('projects.taskBook');
  const router = useRouter();
  const { send, formError, notice } = useActionForm(form);
  const save = async (values: unknown) => {
    const r = (await send(() => action(values), t('saved'))) as Saved | undefined;
    if (r) {
      onSaved(r.version);
      router.refresh();
    }
  };
  return { save, formError, notice };
}

function ContentForm({ projectId, version, content, actions, onSaved }: PartProps) {
  const t = useTranslations('projects.taskBook');
  const errorText = useErrorText();
  const form = useForm<TTaskBookContent>({
    resolver: formResolver(ZTaskBookContent),
    defaultValues: { projectId, version, content },
  });
  const { save, formError, notice } = useSave(form, actions.content, onSaved);
  const errors = form.formState.errors.content;
  return (
    <Card title={t('contentTitle')}>
      <form
        noValidate
        className="flex flex-col gap-4"
        aria-label={t('contentTitle')}
        onSubmit={form.handleSubmit((v) => save({ ...v, version }))}
      >
        <FormStatus error={formError} notice={notice} />
        {(['goals', 'plan', 'outputs'] as const).map((k) => (
          <Field key={k} label={t(k)} error={errorText(errors?.[k]?.message)} required>
            <textarea className={textareaClass} rows={6} {...form.register(`content.${k}`)} />
          </Field>
        ))}
        <div>
          <Button type="submit" pending={form.formState.isSubmitting}>
            {t('saveContent')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function KpiForm({ projectId, version, kpis, actions, onSaved }: PartProps) {
  const t = useTranslations('projects.taskBook');
  const tCmp = useTranslations('enums.TargetComparator');
  const errorText = useErrorText();
  const locked = new Set(kpis.filter((k) => k.challengeTargetId).map((k) => k.id));
  const form = useForm<TTaskBookKpis>({
    resolver: formResolver(ZTaskBookKpis),
    defaultValues: {
      projectId,
      version,
      kpis: kpis.map(({ challengeTargetId: _omit, ...k }) => k),
    },
  });
  const rows = useFieldArray({ control: form.control, name: 'kpis', keyName: 'key' });
  const { save, formError, notice } = useSave(form, actions.kpis, onSaved);
  const errors = form.formState.errors.kpis;
  return (
    <Card title={t('kpisTitle')}>
      <form
        noValidate
        className="flex flex-col gap-4"
        aria-label={t('kpisTitle')}
        onSubmit={form.handleSubmit((v) => save({ ...v, version }))}
      >
        <FormStatus error={formError} notice={notice} />
        <p className="text-sm text-slate-600">{t('kpisHint')}</p>
        {errors?.message || errors?.root?.message ? (
          <p className="text-sm text-accent-600" role="alert">
            {errorText(errors?.message ?? errors?.root?.message)}
          </p>
        ) : null}
        {rows.fields.map((field, i) => {
          const fromChallenge = !!field.id && locked.has(field.id);
          const e = errors?.[i];
          return (
            <fieldset key={field.key} className="rounded-md border border-slate-200 p-3">
              <legend className="px-1 text-sm font-medium text-slate-800">
                {t('kpiN', { n: i + 1 })}
                {fromChallenge ? `（${t('fromChallenge')}）` : ''}
              </legend>
              <div className="grid gap-3 sm:grid-cols-2">
                <Field label={t('kpiName')} error={errorText(e?.name?.message)} required>
                  <input className={inputClass} readOnly={fromChallenge} {...form.register(`kpis.${i}.name`)} />
                </Field>
                <Field label={t('kpiUnit')} error={errorText(e?.unit?.message)} required>
                  <input className={inputClass} readOnly={fromChallenge} {...form.register(`kpis.${i}.unit`)} />
                </Field>
                <Field label={t('kpiComparator')} error={errorText(e?.comparator?.message)} required>
                  {fromChallenge ? (
                    <input className={inputClass} readOnly value={tCmp(field.comparator)} />
                  ) : (
                    <select className={inputClass} {...form.register(`kpis.${i}.comparator`)}>
                      {(['GTE', 'LTE', 'EQ', 'RANGE'] as const).map((c) => (
                        <option key={c} value={c}>
                          {tCmp(c)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={t('kpiTarget')} error={errorText(e?.targetValue?.message)} required>
                  <input className={inputClass} readOnly={fromChallenge} {...form.register(`kpis.${i}.targetValue`)} />
                </Field>
                <Field
                  label={t('kpiMethod')}
                  error={errorText(e?.acceptanceMethod?.message)}
                  required
                  className="sm:col-span-2"
                >
                  <input className={inputClass} {...form.register(`kpis.${i}.acceptanceMethod`)} />
                </Field>
              </div>
              {fromChallenge ? null : (
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  aria-label={t('removeKpiLabel', { n: i + 1 })}
                  onClick={() => rows.remove(i)}
                >
                  {t('remove')}
                </Button>
              )}
            </fieldset>
          );
        })}
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            size="sm"
            variant="secondary"
            onClick={() =>
              rows.append({ id: '', name: '', unit: '', comparator: 'GTE', targetValue: '', acceptanceMethod: '' })
            }
          >
            {t('addKpi')}
          </Button>
          <Button type="submit" pending={form.formState.isSubmitting}>
            {t('saveKpis')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function MilestoneForm({ projectId, version, milestones, actions, onSaved }: PartProps) {
  const t = useTranslations('projects.taskBook');
  const errorText = useErrorText();
  const raceCut = new Set(milestones.filter((m) => m.isRaceCut).map((m) => m.id));
  const form = useForm<TTaskBookMilestones>({
    resolver: formResolver(ZTaskBookMilestones),
    defaultValues: { projectId, version, milestones: milestones.map(({ isRaceCut: _omit, ...m }) => m) },
  });
  const rows = useFieldArray({ control: form.control, name: 'milestones', keyName: 'key' });
  const { save, formError, notice } = useSave(form, actions.milestones, onSaved);
  const errors = form.formState.errors.milestones;
  return (
    <Card title={t('milestonesTitle')}>
      <form
        noValidate
        className="flex flex-col gap-4"
        aria-label={t('milestonesTitle')}
        onSubmit={form.handleSubmit((v) => save({ ...v, version }))}
      >
        <FormStatus error={formError} notice={notice} />
        {errors?.message || errors?.root?.message ? (
          <p className="text-sm text-accent-600" role="alert">
            {errorText(errors?.message ?? errors?.root?.message)}
          </p>
        ) : null}
        {rows.fields.map((field, i) => {
          const isCut = !!field.id && raceCut.has(field.id);
          return (
            <div key={field.key} className="grid items-end gap-2 sm:grid-cols-[2fr_1fr_auto]">
              <Field
                label={
                  isCut ? `${t('milestoneTitle', { n: i + 1 })}（${t('raceCut')}）` : t('milestoneTitle', { n: i + 1 })
                }
                error={errorText(errors?.[i]?.title?.message)}
                required
              >
                <input className={inputClass} {...form.register(`milestones.${i}.title`)} />
              </Field>
              <Field label={t('dueDate')} error={errorText(errors?.[i]?.dueDate?.message)} required>
                <input
                  type="date"
                  className={inputClass}
                  readOnly={isCut}
                  {...form.register(`milestones.${i}.dueDate`)}
                />
              </Field>
              {isCut ? (
                <span />
              ) : (
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  aria-label={t('removeMilestoneLabel', { n: i + 1 })}
                  onClick={() => rows.remove(i)}
                >
                  {t('remove')}
                </Button>
              )}
            </div>
          );
        })}
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            size="sm"
            variant="secondary"
            onClick={() => rows.append({ id: '', title: '', dueDate: '' })}
          >
            {t('addMilestone')}
          </Button>
          <Button type="submit" pending={form.formState.isSubmitting}>
            {t('saveMilestones')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function BudgetForm({ projectId, version, budget, lineItem, years, categories, sources, actions, onSaved }: PartProps) {
  const t = useTranslations('projects.taskBook');
  const errorText = useErrorText();
  const form = useForm<TTaskBookBudget>({
    resolver: formResolver(ZTaskBookBudget),
    defaultValues: {
      projectId,
      version,
      budget: budget.map((b) => ({ ...b, categoryCode: b.categoryCode ?? '' })),
    },
  });
  const rows = useFieldArray({ control: form.control, name: 'budget' });
  const { save, formError, notice } = useSave(form, actions.budget, onSaved);
  const errors = form.formState.errors.budget;
  return (
    <Card title={t('budgetTitle')}>
      <form
        noValidate
        className="flex flex-col gap-4"
        aria-label={t('budgetTitle')}
        onSubmit={form.handleSubmit((v) => save({ ...v, version }))}
      >
        <FormStatus error={formError} notice={notice} />
        <p className="text-sm text-slate-600">{t('budgetHint')}</p>
        {rows.fields.map((field, i) => {
          const e = errors?.[i];
          return (
            <div
              key={field.id}
              className={`grid items-end gap-2 ${lineItem ? 'sm:grid-cols-[1fr_1fr_1fr_1fr_auto]' : 'sm:grid-cols-[1fr_1fr_1fr_auto]'}`}
            >
              <Field label={t('year')} error={errorText(e?.year?.message)}>
                <select className={inputClass} {...form.register(`budget.${i}.year`, { valueAsNumber: true })}>
                  {years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('source')} error={errorText(e?.source?.message)}>
                <select className={inputClass} {...form.register(`budget.${i}.source`)}>
                  {sources.map((s) => (
                    <option key={s.value} value={s.value}>
                      {s.label}
                    </option>
                  ))}
                </select>
              </Field>
              {lineItem ? (
                <Field label={t('category')} error={errorText(e?.categoryCode?.message)}>
                  <select className={inputClass} {...form.register(`budget.${i}.categoryCode`)}>
                    {categories.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                </Field>
              ) : null}
              <Field label={t('amountWan')} error={errorText(e?.amountWan?.message)}>
                <input className={inputClass} inputMode="decimal" {...form.register(`budget.${i}.amountWan`)} />
              </Field>
              <Button
                type="button"
                size="sm"
                variant="ghost"
                aria-label={t('removeBudgetLabel', { n: i + 1 })}
                onClick={() => rows.remove(i)}
              >
                {t('remove')}
              </Button>
            </div>
          );
        })}
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            size="sm"
            variant="secondary"
            onClick={() =>
              rows.append({
                year: years[0] ?? new Date().getFullYear(),
                source: 'FISCAL',
                categoryCode: lineItem ? (categories[0]?.code ?? '') : '',
                amountWan: '',
              })
            }
          >
            {t('addBudgetRow')}
          </Button>
          <Button type="submit" pending={form.formState.isSubmitting}>
            {t('saveBudget')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
