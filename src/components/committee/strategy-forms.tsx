'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import {
  createMeetingAction,
  draftReportAction,
  holdMeetingAction,
  recordOpinionAction,
  recordResolutionAction,
} from '@/app/actions/strategy';
import {
  ZCreateMeeting,
  ZDraftReport,
  ZRecordOpinion,
  ZRecordResolution,
  type TCreateMeeting,
  type TDraftReport,
  type TRecordOpinion,
  type TRecordResolution,
} from '@/lib/validation/strategy';

// The forms of strategy meetings and consultation reports.

export function CreateMeetingForm({ suggestedAt }: { suggestedAt: string }) {
  const t = useTranslations('strategy');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TCreateMeeting>({
    resolver: formResolver(ZCreateMeeting),
    defaultValues: { title: '', heldAt: suggestedAt, location: '', agenda: '' },
  });
  const { send, formError, notice } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    const created = await send(() => createMeetingAction(values), t('created'));
    if (created) router.push(`/commission/committee/meetings/${created.id}`);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('newMeeting')}>
      <FormStatus error={formError} notice={notice} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t('title')} error={errorText(errors.title?.message)} required>
          <input className={inputClass} {...form.register('title')} />
        </Field>
        <Field label={t('heldAt')} error={errorText(errors.heldAt?.message)} required>
          <input className={inputClass} {...form.register('heldAt')} />
        </Field>
        <Field label={t('location')} error={errorText(errors.location?.message)}>
          <input className={inputClass} {...form.register('location')} />
        </Field>
      </div>
      <Field label={t('agenda')} hint={t('agendaHint')} error={errorText(errors.agenda?.message)} required>
        <textarea className={textareaClass} rows={4} {...form.register('agenda')} />
      </Field>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('create')}
        </Button>
      </div>
    </form>
  );
}

export function HoldMeetingForm({
  meetingId,
  version,
  attendees,
}: {
  meetingId: string;
  version: number;
  attendees: { userId: string; name: string }[];
}) {
  const t = useTranslations('strategy');
  const router = useRouter();
  const form = useForm<{ attended: string[] }>({ defaultValues: { attended: attendees.map((a) => a.userId) } });
  const { send, formError, notice } = useActionForm(form);
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => holdMeetingAction({ meetingId, version, attended: values.attended }), t('held')))
      router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('hold')}>
      <FormStatus error={formError} notice={notice} />
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="mb-2 font-medium text-slate-800">{t('attendance')}</legend>
        {attendees.map((a) => (
          <label key={a.userId} className="flex items-center gap-2">
            <input type="checkbox" value={a.userId} {...form.register('attended')} />
            {a.name}
          </label>
        ))}
      </fieldset>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('hold')}
        </Button>
      </div>
    </form>
  );
}

export function OpinionForm({
  meetingId,
  members,
}: {
  meetingId: string;
  members?: { userId: string; name: string }[];
}) {
  const t = useTranslations('strategy');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TRecordOpinion>({
    resolver: formResolver(ZRecordOpinion),
    defaultValues: { meetingId, memberUserId: members?.[0]?.userId, body: '' },
  });
  const { send, formError, notice } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => recordOpinionAction(values), t('opinionRecorded'))) {
      form.reset({ ...values, body: '' });
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('yourOpinion')}>
      <FormStatus error={formError} notice={notice} />
      {members ? (
        <Field label={t('member')} error={errorText(errors.memberUserId?.message)} required className="w-56">
          <select className={inputClass} {...form.register('memberUserId')}>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field label={t('opinion')} error={errorText(errors.body?.message)} required>
        <textarea className={textareaClass} rows={3} {...form.register('body')} />
      </Field>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('recordOpinion')}
        </Button>
      </div>
    </form>
  );
}

export function ResolutionForm({ meetingId }: { meetingId: string }) {
  const t = useTranslations('strategy');
  const errorText = useErrorText();
  const router = useRouter();
  const empty: TRecordResolution = { meetingId, text: '', votesFor: 0, votesAgainst: 0, votesAbstain: 0 };
  const form = useForm<TRecordResolution>({ resolver: formResolver(ZRecordResolution), defaultValues: empty });
  const { send, formError, notice } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => recordResolutionAction(values), t('resolutionRecorded'))) {
      form.reset(empty);
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('recordResolution')}>
      <FormStatus error={formError} notice={notice} />
      <Field label={t('resolutionText')} error={errorText(errors.text?.message)} required>
        <textarea className={textareaClass} rows={2} {...form.register('text')} />
      </Field>
      <div className="flex flex-wrap gap-3">
        {(['votesFor', 'votesAgainst', 'votesAbstain'] as const).map((k) => (
          <Field key={k} label={t(k)} error={errorText(errors[k]?.message)} required className="w-28">
            <input
              type="number"
              min={0}
              step={1}
              className={inputClass}
              {...form.register(k, { valueAsNumber: true })}
            />
          </Field>
        ))}
      </div>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('recordResolution')}
        </Button>
      </div>
    </form>
  );
}

export function DraftReportForm({ meetings }: { meetings: { value: string; label: string }[] }) {
  const t = useTranslations('strategy');
  const errorText = useErrorText();
  const router = useRouter();
  const empty: TDraftReport = { title: '', body: '', meetingId: '' };
  const form = useForm<TDraftReport>({ resolver: formResolver(ZDraftReport), defaultValues: empty });
  const { send, formError, notice } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => draftReportAction(values), t('reportSaved'))) {
      form.reset(empty);
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('newReport')}>
      <FormStatus error={formError} notice={notice} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('reportTitle')} error={errorText(errors.title?.message)} required>
          <input className={inputClass} {...form.register('title')} />
        </Field>
        <Field label={t('reportMeeting')} error={errorText(errors.meetingId?.message)}>
          <select className={inputClass} {...form.register('meetingId')}>
            <option value="">{t('noMeeting')}</option>
            {meetings.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('reportBody')} error={errorText(errors.body?.message)} required>
        <textarea className={textareaClass} rows={8} {...form.register('body')} />
      </Field>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('saveReport')}
        </Button>
      </div>
    </form>
  );
}
