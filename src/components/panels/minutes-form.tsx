'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { approvePanelMinutesAction, savePanelMinutesAction } from '@/app/(portal)/commission/panels/actions';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { textareaClass } from '@/components/ui/styles';
import { ZSavePanelMinutes, type TSavePanelMinutes } from '@/lib/validation/panels';

/** 会议纪要: saved with the version it was loaded with; approved once the meeting is closed. */
export function MinutesForm({
  meetingId,
  version,
  body,
  canApprove,
}: {
  meetingId: string;
  /** 0 when no minutes exist yet. */
  version: number;
  body: string;
  canApprove: boolean;
}) {
  const t = useTranslations('panels');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TSavePanelMinutes>({
    resolver: formResolver(ZSavePanelMinutes) as never,
    defaultValues: { meetingId, version, body },
  });
  const { send, formError, notice } = useActionForm(form);
  const approveForm = useForm();
  const approve = useActionForm(approveForm);
  const onSubmit = form.handleSubmit(async () => {
    const r = await send(() => savePanelMinutesAction(form.getValues()), t('minutesSaved'));
    if (r) {
      form.setValue('version', r.version);
      router.refresh();
    }
  });
  const onApprove = approveForm.handleSubmit(async () => {
    if (!window.confirm(t('approveConfirm'))) return;
    if (await approve.send(() => approvePanelMinutesAction({ meetingId, version: form.getValues('version') })))
      router.refresh();
  });
  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('minutesTitle')}>
        <FormStatus error={formError} notice={notice} />
        <Field label={t('minutesBody')} error={errorText(form.formState.errors.body?.message)} required>
          <textarea className={textareaClass} rows={10} {...form.register('body')} />
        </Field>
        <div>
          <Button type="submit" pending={form.formState.isSubmitting}>
            {t('saveMinutes')}
          </Button>
        </div>
      </form>
      {canApprove ? (
        <form onSubmit={onApprove} className="flex flex-col gap-2" aria-label={t('approveMinutes')}>
          <FormStatus error={approve.formError} />
          <div>
            <Button type="submit" variant="secondary" pending={approveForm.formState.isSubmitting}>
              {t('approveMinutes')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
