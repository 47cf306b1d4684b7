'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { createPanelMeetingAction } from '@/app/(portal)/commission/panels/actions';
import { DialogForm } from '@/components/forms/dialog-form';
import { formResolver } from '@/components/forms/form-resolver';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Field } from '@/components/ui/field';
import { inputClass } from '@/components/ui/styles';
import { ZCreatePanelMeeting, type TCreatePanelMeeting } from '@/lib/validation/panels';

/** 新建会议 for one call; the pass rule comes from the call's rules, so it is shown, not asked. */
export function CreateMeetingForm({
  callId,
  callTitle,
  defaults,
}: {
  callId: string;
  callTitle: string;
  defaults: { startsAt: string; endsAt: string };
}) {
  const t = useTranslations('panels');
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<TCreatePanelMeeting>({
    resolver: formResolver(ZCreatePanelMeeting) as never,
    defaultValues: {
      callId,
      title: '',
      startsAt: defaults.startsAt,
      endsAt: defaults.endsAt,
      location: '',
      onlineUrl: '',
    },
  });
  const { send, formError } = useActionForm(form);
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async () => {
    const r = await send(() => createPanelMeetingAction(form.getValues()));
    if (r) {
      setOpen(false);
      router.push(`/commission/panels/${r.id}`);
    }
  });
  return (
    <DialogForm
      title={t('createTitle', { call: callTitle })}
      triggerLabel={t('create')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('create')}
      formError={formError}
    >
      <Field label={t('meetingTitle')} error={errorText(e.title?.message)} required>
        <input className={inputClass} {...form.register('title')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('startsAt')} hint={t('beijingHint')} error={errorText(e.startsAt?.message)} required>
          <input type="datetime-local" className={inputClass} {...form.register('startsAt')} />
        </Field>
        <Field label={t('endsAt')} hint={t('beijingHint')} error={errorText(e.endsAt?.message)} required>
          <input type="datetime-local" className={inputClass} {...form.register('endsAt')} />
        </Field>
      </div>
      <Field label={t('location')} hint={t('placeHint')} error={errorText(e.location?.message)}>
        <input className={inputClass} {...form.register('location')} />
      </Field>
      <Field label={t('onlineUrl')} error={errorText(e.onlineUrl?.message)}>
        <input type="url" className={inputClass} placeholder="https://" {...form.register('onlineUrl')} />
      </Field>
      {e.callId?.message ? (
        <p role="alert" className="text-sm text-accent-600">
          {errorText(e.callId.message)}
        </p>
      ) : null}
    </DialogForm>
  );
}
