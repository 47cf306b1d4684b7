'use client';
import { formResolver } from '@/components/forms/form-resolver';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import { ZCreateAnnouncement } from '@/lib/validation/announcements';
import { createAnnouncementAction } from './actions';

export function AnnouncementForm() {
  const t = useTranslations();
  const errorText = useErrorText();
  const form = useForm({
    resolver: formResolver(ZCreateAnnouncement),
    defaultValues: { title: '', body: '', publish: false },
  });
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = form;
  const { send, formError, notice } = useActionForm(form);
  const submit = (publish: boolean) =>
    handleSubmit(async (values) => {
      const ok = await send(() => createAnnouncementAction({ ...values, publish }), t('announcements.created'));
      if (ok) reset({ title: '', body: '', publish: false });
    });
  return (
    <form
      noValidate
      onSubmit={submit(false)}
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5"
      aria-label={t('announcements.new')}
    >
      <h2 className="text-base font-semibold">{t('announcements.new')}</h2>
      <FormStatus error={formError} notice={notice} />
      <Field label={t('announcements.fieldTitle')} error={errorText(errors.title?.message)} required>
        <input className={inputClass} {...register('title')} />
      </Field>
      <Field label={t('announcements.fieldBody')} error={errorText(errors.body?.message)} required>
        <textarea className={textareaClass} rows={8} {...register('body')} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="button" pending={isSubmitting} onClick={submit(true)}>
          {t('announcements.publishNow')}
        </Button>
        <Button type="submit" variant="secondary" pending={isSubmitting}>
          {t('announcements.saveDraft')}
        </Button>
      </div>
    </form>
  );
}
