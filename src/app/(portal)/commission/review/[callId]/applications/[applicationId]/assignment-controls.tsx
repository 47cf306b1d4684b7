'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { DialogForm } from '@/components/forms/dialog-form';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import { ZCancelAssignment, ZManualAssign } from '@/lib/validation/review';
import { cancelAssignmentAction, manualAssignAction, remindAssignmentAction } from '../../../actions';

/** 催办: records a reminder the expert sees at once (the e-mail follows with the notification queue). */
export function RemindButton({ assignmentId, expertName }: { assignmentId: string; expertName: string }) {
  const t = useTranslations('review');
  const router = useRouter();
  const form = useForm();
  const { send, formError, notice, setNotice } = useActionForm(form);
  const onSubmit = form.handleSubmit(async () => {
    const r = await send(() => remindAssignmentAction({ assignmentId }));
    if (r) {
      setNotice(t('remindedNotice', { count: r.remindersSent }));
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-1">
      <FormStatus error={formError} notice={notice} />
      <div>
        <Button
          type="submit"
          size="sm"
          variant="secondary"
          aria-label={t('remindLabel', { expert: expertName })}
          pending={form.formState.isSubmitting}
        >
          {t('remind')}
        </Button>
      </div>
    </form>
  );
}

/** Withdraws a proposal or an unanswered invitation; the reason stays with the assignment and the audit log. */
export function CancelAssignmentDialog({ assignmentId, expertName }: { assignmentId: string; expertName: string }) {
  const t = useTranslations('review');
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<{ assignmentId: string; reason: string }>({
    resolver: formResolver(ZCancelAssignment) as never,
    defaultValues: { assignmentId, reason: '' },
  });
  const { send, formError } = useActionForm(form);
  const onSubmit = form.handleSubmit(async () => {
    if (await send(() => cancelAssignmentAction(form.getValues()))) {
      setOpen(false);
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t('cancelTitle', { expert: expertName })}
      triggerLabel={t('cancel')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('cancelSubmit')}
      formError={formError}
    >
      <Field label={t('cancelReason')} error={errorText(form.formState.errors.reason?.message)} required>
        <textarea className={textareaClass} rows={3} {...form.register('reason')} />
      </Field>
    </DialogForm>
  );
}

/** Invites one expert by hand; the server applies the solver's guard (conflict, load, sanction) again. */
export function InviteDialog({
  applicationId,
  expertUserId,
  expertName,
  code,
  defaultDue,
}: {
  applicationId: string;
  expertUserId: string;
  expertName: string;
  code: string;
  defaultDue: string;
}) {
  const t = useTranslations('review');
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<{ applicationId: string; expertUserId: string; dueAt: string }>({
    resolver: formResolver(ZManualAssign) as never,
    defaultValues: { applicationId, expertUserId, dueAt: defaultDue },
  });
  const { send, formError } = useActionForm(form);
  const onSubmit = form.handleSubmit(async () => {
    if (await send(() => manualAssignAction(form.getValues()))) {
      setOpen(false);
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t('inviteTitle', { expert: expertName, code })}
      triggerLabel={t('invite')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('inviteSubmit')}
      formError={formError}
    >
      <Field label={t('dueAt')} hint={t('dueAtHint')} error={errorText(form.formState.errors.dueAt?.message)} required>
        <input type="datetime-local" className={inputClass} {...form.register('dueAt')} />
      </Field>
    </DialogForm>
  );
}
