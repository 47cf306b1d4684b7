'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { addPanelMemberAction, setDefenceSlotAction } from '@/app/(portal)/commission/panels/actions';
import { DialogForm } from '@/components/forms/dialog-form';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass } from '@/components/ui/styles';
import { ZAddPanelMember, ZSetDefenceSlot, type TAddPanelMember, type TSetDefenceSlot } from '@/lib/validation/panels';

export type MemberCandidate = { userId: string; name: string; roles: string[]; institutionName: string };

/** Seats an expert or committee member; the chair is chosen here too (one per meeting). */
export function AddMemberForm({ meetingId, candidates }: { meetingId: string; candidates: MemberCandidate[] }) {
  const t = useTranslations('panels');
  const tr = useTranslations('enums.PanelMemberRole');
  const troles = useTranslations('roles');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TAddPanelMember>({
    resolver: formResolver(ZAddPanelMember) as never,
    defaultValues: { meetingId, userId: '', role: 'MEMBER' },
  });
  const { send, formError, notice } = useActionForm(form);
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async () => {
    if (await send(() => addPanelMemberAction(form.getValues()), t('memberAdded'))) {
      form.reset({ meetingId, userId: '', role: 'MEMBER' });
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('addMember')}>
      <FormStatus error={formError} notice={notice} />
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <Field label={t('person')} error={errorText(e.userId?.message)} required>
          <select className={inputClass} {...form.register('userId')}>
            <option value="">{t('choosePerson')}</option>
            {candidates.map((c) => (
              <option key={c.userId} value={c.userId}>
                {[c.name, c.roles.map((r) => troles(r)).join('、'), c.institutionName].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('memberRole')} error={errorText(e.role?.message)} required>
          <select className={inputClass} {...form.register('role')}>
            <option value="MEMBER">{tr('MEMBER')}</option>
            <option value="CHAIR">{tr('CHAIR')}</option>
          </select>
        </Field>
        <div>
          <Button type="submit" pending={form.formState.isSubmitting}>
            {t('addMember')}
          </Button>
        </div>
      </div>
    </form>
  );
}

/** 答辩 slot of one item; an empty time clears it. */
export function DefenceSlotDialog({
  itemId,
  version,
  current,
  subject,
}: {
  itemId: string;
  version: number;
  /** Beijing wall-clock "YYYY-MM-DDTHH:mm" or ''. */
  current: string;
  subject: string;
}) {
  const t = useTranslations('panels');
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<TSetDefenceSlot>({
    resolver: formResolver(ZSetDefenceSlot) as never,
    defaultValues: { itemId, version, defenceAt: current },
  });
  const { send, formError } = useActionForm(form);
  const onSubmit = form.handleSubmit(async () => {
    if (await send(() => setDefenceSlotAction(form.getValues()))) {
      setOpen(false);
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t('defenceTitle', { subject })}
      triggerLabel={current ? t('defenceChange') : t('defenceSet')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('save')}
      formError={formError}
    >
      <Field label={t('defenceAt')} hint={t('defenceHint')} error={errorText(form.formState.errors.defenceAt?.message)}>
        <input type="datetime-local" className={inputClass} {...form.register('defenceAt')} />
      </Field>
    </DialogForm>
  );
}
