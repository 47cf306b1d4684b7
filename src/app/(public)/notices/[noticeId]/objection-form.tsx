'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import { ZFileObjection, type TFileObjection } from '@/lib/validation/decisions';
import { fileObjectionAction } from './actions';

/**
 * 实名异议 on one item. A double click sends once (useActionForm), and a resend of the same text is answered with
 * the objection already filed (the server's check), so either way one objection exists. Contact details are for the
 * commission only and are never shown on this page.
 */
export function ObjectionForm({ noticeItemId, subject }: { noticeItemId: string; subject: string }) {
  const t = useTranslations('notices');
  const errorText = useErrorText();
  const [done, setDone] = useState(false);
  const form = useForm<TFileObjection>({
    resolver: formResolver(ZFileObjection),
    defaultValues: { noticeItemId, filerName: '', filerPhone: '', filerEmail: '', content: '' },
  });
  const { send, formError, notice, setNotice } = useActionForm(form);
  const onSubmit = form.handleSubmit(async (values) => {
    const r = await send(() => fileObjectionAction(values));
    if (r) {
      setDone(true);
      setNotice(t(r.duplicate ? 'objectionAlreadyFiled' : 'objectionFiled'));
    }
  });
  const errors = form.formState.errors;
  if (done) return <FormStatus error={null} notice={notice} />;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label={t('objectionFormLabel', { subject })}
    >
      <FormStatus error={formError} notice={notice} />
      <p className="text-sm text-slate-700">{t('objectionExplain')}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('filerName')} error={errorText(errors.filerName?.message)} required>
          <input className={inputClass} autoComplete="name" {...form.register('filerName')} />
        </Field>
        <Field label={t('filerPhone')} hint={t('contactHint')} error={errorText(errors.filerPhone?.message)}>
          <input className={inputClass} type="tel" autoComplete="tel" {...form.register('filerPhone')} />
        </Field>
        <Field label={t('filerEmail')} error={errorText(errors.filerEmail?.message)}>
          <input className={inputClass} type="email" autoComplete="email" {...form.register('filerEmail')} />
        </Field>
      </div>
      <Field
        label={t('objectionContent')}
        hint={t('objectionContentHint')}
        error={errorText(errors.content?.message)}
        required
      >
        <textarea className={textareaClass} rows={5} {...form.register('content')} />
      </Field>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('fileObjection')}
        </Button>
      </div>
    </form>
  );
}
