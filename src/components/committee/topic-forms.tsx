'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm, useWatch } from 'react-hook-form';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import {
  ZConvertTopic,
  ZDecideTopic,
  ZProposeTopic,
  ZScoreTopic,
  type TConvertTopic,
  type TDecideTopic,
  type TProposeTopic,
  type TScoreTopic,
} from '@/lib/validation/committee';
import { convertTopicAction, decideTopicAction, proposeTopicAction, scoreTopicAction } from '@/app/actions/committee';

// The forms of topic selection (选题): propose, score, decide, convert. Wrong input stays on the page with the error
// on its field; a double click sends once (useActionForm).

type Option = { value: string; label: string };

export function ProposeTopicForm({ fields }: { fields: Option[] }) {
  const t = useTranslations('committee');
  const te = useTranslations('enums.TopicForm');
  const errorText = useErrorText();
  const router = useRouter();
  const empty: TProposeTopic = {
    title: '',
    titleEn: '',
    fieldId: '',
    background: '',
    goals: '',
    expectedImpact: '',
    suggestedForm: 'CHALLENGE',
  };
  const form = useForm<TProposeTopic>({ resolver: formResolver(ZProposeTopic), defaultValues: empty });
  const { send, formError, notice } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => proposeTopicAction(values), t('submitted'))) {
      form.reset(empty);
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('newTopic')}>
      <FormStatus error={formError} notice={notice} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('topicTitle')} error={errorText(errors.title?.message)} required>
          <input className={inputClass} {...form.register('title')} />
        </Field>
        <Field label={t('topicTitleEn')} error={errorText(errors.titleEn?.message)}>
          <input className={inputClass} {...form.register('titleEn')} />
        </Field>
        <Field label={t('field')} error={errorText(errors.fieldId?.message)}>
          <select className={inputClass} {...form.register('fieldId')}>
            <option value="">{t('noField')}</option>
            {fields.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('suggestedForm')} error={errorText(errors.suggestedForm?.message)} required>
          <select className={inputClass} {...form.register('suggestedForm')}>
            {(['CHALLENGE', 'CALL'] as const).map((f) => (
              <option key={f} value={f}>
                {te(f)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('background')} error={errorText(errors.background?.message)} required>
        <textarea className={textareaClass} rows={3} {...form.register('background')} />
      </Field>
      <Field label={t('goals')} error={errorText(errors.goals?.message)} required>
        <textarea className={textareaClass} rows={3} {...form.register('goals')} />
      </Field>
      <Field label={t('expectedImpact')} error={errorText(errors.expectedImpact?.message)} required>
        <textarea className={textareaClass} rows={2} {...form.register('expectedImpact')} />
      </Field>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}

export function ScoreTopicForm({
  topicId,
  max,
  initial,
}: {
  topicId: string;
  max: number;
  initial: { score: number; comment: string } | null;
}) {
  const t = useTranslations('committee');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TScoreTopic>({
    resolver: formResolver(ZScoreTopic),
    defaultValues: { topicId, score: initial?.score ?? Number.NaN, comment: initial?.comment ?? '', submit: false },
  });
  const { send, formError, notice } = useActionForm(form);
  const errors = form.formState.errors;
  const save = (submit: boolean) =>
    form.handleSubmit(async (values) => {
      if (await send(() => scoreTopicAction({ ...values, submit }), submit ? t('scoreSubmitted') : t('scoreSaved')))
        router.refresh();
    });
  return (
    <form onSubmit={save(true)} noValidate className="flex flex-col gap-4" aria-label={t('yourScore')}>
      <FormStatus error={formError} notice={notice} />
      <Field label={t('score', { max })} error={errorText(errors.score?.message)} required className="w-40">
        <input
          type="number"
          min={1}
          max={max}
          step={1}
          className={inputClass}
          {...form.register('score', { valueAsNumber: true })}
        />
      </Field>
      <Field label={t('comment')} error={errorText(errors.comment?.message)} required>
        <textarea className={textareaClass} rows={4} {...form.register('comment')} />
      </Field>
      <div className="flex gap-3">
        <Button type="button" variant="secondary" onClick={save(false)} pending={form.formState.isSubmitting}>
          {t('saveDraft')}
        </Button>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('submitScore')}
        </Button>
      </div>
    </form>
  );
}

export function DecideTopicForm({ topicId, version }: { topicId: string; version: number }) {
  const t = useTranslations('committee');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TDecideTopic>({
    resolver: formResolver(ZDecideTopic),
    defaultValues: { topicId, version, decision: 'select', note: '' },
  });
  const { send, formError, notice } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => decideTopicAction(values), t('decided'))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('decideTitle')}>
      <FormStatus error={formError} notice={notice} />
      <Field label={t('decision')} error={errorText(errors.decision?.message)} required className="w-48">
        <select className={inputClass} {...form.register('decision')}>
          <option value="select">{t('select')}</option>
          <option value="reject">{t('reject')}</option>
        </select>
      </Field>
      <Field label={t('note')} hint={t('noteHint')} error={errorText(errors.note?.message)} required>
        <textarea className={textareaClass} rows={3} {...form.register('note')} />
      </Field>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('decide')}
        </Button>
      </div>
    </form>
  );
}

export function ConvertTopicForm({
  topicId,
  version,
  suggestedForm,
  fieldId,
  fields,
  programs,
}: {
  topicId: string;
  version: number;
  suggestedForm: 'CALL' | 'CHALLENGE';
  fieldId: string | null;
  fields: Option[];
  programs: Option[];
}) {
  const t = useTranslations('committee');
  const te = useTranslations('enums.TopicForm');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TConvertTopic>({
    resolver: formResolver(ZConvertTopic),
    defaultValues:
      suggestedForm === 'CHALLENGE'
        ? { topicId, version, form: 'CHALLENGE', fieldId: fieldId ?? fields[0]?.value ?? '', fiscalWan: '' }
        : { topicId, version, form: 'CALL', programId: programs[0]?.value ?? '' },
  });
  const { send, formError, notice } = useActionForm(form);
  const kind = useWatch({ control: form.control, name: 'form' });
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const onSubmit = form.handleSubmit(async (values) => {
    const created = await send(() => convertTopicAction(values), t('converted'));
    if (created)
      router.push(
        created.kind === 'CHALLENGE' ? `/commission/challenges/${created.id}` : `/commission/calls/${created.id}`,
      );
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('convertTitle')}>
      <FormStatus error={formError} notice={notice} />
      <p className="text-sm text-slate-600">{t('convertHint')}</p>
      <Field label={t('form')} error={errorText(errors.form?.message)} required className="w-56">
        <select className={inputClass} {...form.register('form')}>
          {(['CHALLENGE', 'CALL'] as const).map((f) => (
            <option key={f} value={f}>
              {te(f)}
            </option>
          ))}
        </select>
      </Field>
      {kind === 'CHALLENGE' ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t('field')} error={errorText(errors.fieldId?.message)} required>
            <select className={inputClass} {...form.register('fieldId')}>
              {fields.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('fiscalWan')} error={errorText(errors.fiscalWan?.message)} required>
            <input inputMode="decimal" className={inputClass} {...form.register('fiscalWan')} />
          </Field>
        </div>
      ) : (
        <Field label={t('program')} error={errorText(errors.programId?.message)} required>
          <select className={inputClass} {...form.register('programId')}>
            {programs.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </Field>
      )}
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('convert')}
        </Button>
      </div>
    </form>
  );
}
