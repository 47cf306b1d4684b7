'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  useFieldArray,
  useForm,
  type Control,
  type FieldErrors,
  type UseFormRegister,
  type UseFormReturn,
} from 'react-hook-form';
import { errorAt } from '@/components/forms/error-at';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { PdfUpload, type UploadedFile } from '@/components/forms/pdf-upload';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import {
  addMaterialAction,
  createMeetingAction,
  draftReportAction,
  holdMeetingAction,
  recordOpinionAction,
  recordResolutionAction,
  setInviteesAction,
  updateAgendaAction,
  updateReportAction,
} from '@/app/actions/strategy';
import {
  ZAddMaterial,
  ZCreateMeeting,
  ZDraftReport,
  ZRecordOpinion,
  ZRecordResolution,
  ZUpdateAgenda,
  type TAddMaterial,
  type TAgendaItem,
  type TCreateMeeting,
  type TDraftReport,
  type TRecordOpinion,
  type TRecordResolution,
  type TUpdateAgenda,
} from '@/lib/validation/strategy';

// The forms of strategy meetings and consultation reports.

type Topic = { id: string; title: string };
type Person = { userId: string; name: string };
const emptyItem: TAgendaItem = { title: '', topicIds: [], note: '' };

type AgendaValues = { agenda: TAgendaItem[] };
/** The part of a form the agenda fields touch (both forms carry `agenda`; nothing else is read or written). */
function agendaPart<T extends AgendaValues>(form: UseFormReturn<T>) {
  return {
    control: form.control as unknown as Control<AgendaValues>,
    register: form.register as unknown as UseFormRegister<AgendaValues>,
    errors: form.formState.errors as FieldErrors,
  };
}

/** The agenda's items, in order: title, the term's topics it takes up, a note. Shared by planning and editing. */
function AgendaFields({
  control,
  register,
  errors,
  topics,
}: {
  control: Control<AgendaValues>;
  register: UseFormRegister<AgendaValues>;
  errors: FieldErrors;
  topics: Topic[];
}) {
  const t = useTranslations('strategy');
  const errorText = useErrorText();
  const items = useFieldArray({ control, name: 'agenda' });
  const err = (path: string) => errorText(errorAt(errors, path));
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-sm font-medium text-slate-800">{t('agenda')}</legend>
      {err('agenda') ? (
        <p role="alert" className="text-sm text-red-700">
          {err('agenda')}
        </p>
      ) : null}
      <ol className="flex flex-col gap-3">
        {items.fields.map((item, i) => (
          <li key={item.id} className="rounded-md border border-slate-200 p-3">
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label={t('agendaItemTitle', { n: i + 1 })} error={err(`agenda.${i}.title`)} required>
                <input className={inputClass} {...register(`agenda.${i}.title`)} />
              </Field>
              <Field label={t('agendaItemNote')} error={err(`agenda.${i}.note`)}>
                <input className={inputClass} {...register(`agenda.${i}.note`)} />
              </Field>
            </div>
            {topics.length ? (
              <fieldset className="mt-3 text-sm">
                <legend className="mb-1 text-slate-700">{t('agendaTopics')}</legend>
                <div className="flex flex-wrap gap-x-4 gap-y-1">
                  {topics.map((topic) => (
                    <label key={topic.id} className="flex items-center gap-2">
                      <input type="checkbox" value={topic.id} {...register(`agenda.${i}.topicIds`)} />
                      {topic.title}
                    </label>
                  ))}
                </div>
                {err(`agenda.${i}.topicIds`) ? (
                  <p className="mt-1 text-red-700">{err(`agenda.${i}.topicIds`)}</p>
                ) : null}
              </fieldset>
            ) : null}
            <div className="mt-2 flex gap-2">
              {i > 0 ? (
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  aria-label={t('moveUpLabel', { n: i + 1 })}
                  onClick={() => items.move(i, i - 1)}
                >
                  {t('moveUp')}
                </Button>
              ) : null}
              {items.fields.length > 1 ? (
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  aria-label={t('removeItemLabel', { n: i + 1 })}
                  onClick={() => items.remove(i)}
                >
                  {t('removeItem')}
                </Button>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      <div>
        <Button type="button" size="sm" variant="secondary" onClick={() => items.append({ ...emptyItem })}>
          {t('addItem')}
        </Button>
      </div>
    </fieldset>
  );
}

/** Checkbox values arrive as a string (one box), false (none) or an array: always an array for the server. */
const asIds = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []);
const withTopicArrays = <T extends { agenda: TAgendaItem[] }>(values: T): T => ({
  ...values,
  agenda: values.agenda.map((i) => ({ ...i, topicIds: asIds(i.topicIds) })),
});

export function CreateMeetingForm({ suggestedAt, topics }: { suggestedAt: string; topics: Topic[] }) {
  const t = useTranslations('strategy');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TCreateMeeting>({
    resolver: formResolver(ZCreateMeeting),
    defaultValues: { title: '', heldAt: suggestedAt, location: '', agenda: [{ ...emptyItem }] },
  });
  const { send, formError, notice } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async () => {
    const values = withTopicArrays(form.getValues());
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
      <AgendaFields {...agendaPart(form)} topics={topics} />
      <p className="text-sm text-slate-600">{t('invitedByDefault')}</p>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('create')}
        </Button>
      </div>
    </form>
  );
}

export function AgendaForm({
  meetingId,
  version,
  agenda,
  topics,
}: {
  meetingId: string;
  version: number;
  agenda: { title: string; topicIds: string[]; note: string | null }[];
  topics: Topic[];
}) {
  const t = useTranslations('strategy');
  const router = useRouter();
  const form = useForm<TUpdateAgenda>({
    resolver: formResolver(ZUpdateAgenda),
    defaultValues: {
      meetingId,
      version,
      agenda: agenda.length ? agenda.map((i) => ({ ...i, note: i.note ?? '' })) : [{ ...emptyItem }],
    },
  });
  const { send, formError, notice } = useActionForm(form);
  const onSubmit = form.handleSubmit(async () => {
    const values = withTopicArrays({ ...form.getValues(), version });
    if (await send(() => updateAgendaAction(values), t('agendaSaved'))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('editAgenda')}>
      <FormStatus error={formError} notice={notice} />
      <AgendaFields {...agendaPart(form)} topics={topics} />
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('saveAgenda')}
        </Button>
      </div>
    </form>
  );
}

/** Who is invited, while the meeting is planned: any of the term's members. */
export function InviteesForm({
  meetingId,
  version,
  members,
  invited,
}: {
  meetingId: string;
  version: number;
  members: Person[];
  invited: string[];
}) {
  const t = useTranslations('strategy');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<{ userIds: string[] }>({ defaultValues: { userIds: invited } });
  const { send, formError, notice } = useActionForm(form);
  const onSubmit = form.handleSubmit(async (values) => {
    const input = { meetingId, version, userIds: asIds(values.userIds) };
    if (await send(() => setInviteesAction(input), t('inviteesSaved'))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('invitees')}>
      <FormStatus error={formError} notice={notice} />
      <fieldset className="text-sm">
        <legend className="mb-2 font-medium text-slate-800">{t('invitees')}</legend>
        <div className="flex flex-wrap gap-4">
          {members.map((m) => (
            <label key={m.userId} className="flex items-center gap-2">
              <input type="checkbox" value={m.userId} {...form.register('userIds')} />
              {m.name}
            </label>
          ))}
        </div>
        {form.formState.errors.userIds?.message ? (
          <p className="mt-1 text-red-700">{errorText(form.formState.errors.userIds.message)}</p>
        ) : null}
      </fieldset>
      <div>
        <Button type="submit" size="sm" variant="secondary" pending={form.formState.isSubmitting}>
          {t('saveInvitees')}
        </Button>
      </div>
    </form>
  );
}

/** A material: its title and a PDF, uploaded as soon as it is chosen. */
export function MaterialForm({ meetingId }: { meetingId: string }) {
  const t = useTranslations('strategy');
  const errorText = useErrorText();
  const router = useRouter();
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [uploading, setUploading] = useState(false);
  const form = useForm<TAddMaterial>({
    resolver: formResolver(ZAddMaterial),
    defaultValues: { meetingId, title: '', fileId: '' },
  });
  const { send, formError, notice } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => addMaterialAction(values), t('materialAdded'))) {
      form.reset({ meetingId, title: '', fileId: '' });
      setFile(null);
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('addMaterial')}>
      <FormStatus error={formError} notice={notice} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('materialTitle')} error={errorText(errors.title?.message)} required>
          <input className={inputClass} {...form.register('title')} />
        </Field>
        <PdfUpload
          label={t('materialFile')}
          purpose="MEETING_MATERIAL"
          maxMb={50}
          value={file}
          required
          error={errorText(errors.fileId?.message)}
          onPendingChange={setUploading}
          onChange={(f) => {
            setFile(f);
            form.setValue('fileId', f?.id ?? '');
            if (f && !form.getValues('title')) form.setValue('title', f.filename.replace(/\.pdf$/i, ''));
          }}
        />
      </div>
      <div>
        <Button type="submit" size="sm" pending={form.formState.isSubmitting} disabled={uploading}>
          {t('addMaterial')}
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
  attendees: Person[];
}) {
  const t = useTranslations('strategy');
  const router = useRouter();
  const form = useForm<{ attended: string[] }>({ defaultValues: { attended: attendees.map((a) => a.userId) } });
  const { send, formError, notice } = useActionForm(form);
  const onSubmit = form.handleSubmit(async (values) => {
    const input = { meetingId, version, attended: asIds(values.attended) };
    if (await send(() => holdMeetingAction(input), t('held'))) router.refresh();
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
  topics,
}: {
  meetingId: string;
  members?: Person[];
  /** The topics the agenda takes up; an opinion may be on one of them. */
  topics: Topic[];
}) {
  const t = useTranslations('strategy');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TRecordOpinion>({
    resolver: formResolver(ZRecordOpinion),
    defaultValues: { meetingId, memberUserId: members?.[0]?.userId, topicProposalId: '', body: '' },
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
      <div className="flex flex-wrap gap-4">
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
        {topics.length ? (
          <Field label={t('opinionTopic')} error={errorText(errors.topicProposalId?.message)} className="w-80">
            <select className={inputClass} {...form.register('topicProposalId')}>
              <option value="">{t('wholeMeeting')}</option>
              {topics.map((topic) => (
                <option key={topic.id} value={topic.id}>
                  {topic.title}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
      </div>
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

/** A consultation report: a new draft, or (with `report`) the draft being edited. */
export function ReportForm({
  meetings,
  report,
}: {
  meetings: { value: string; label: string }[];
  report?: {
    id: string;
    version: number;
    title: string;
    body: string;
    meetingId: string | null;
    file: UploadedFile | null;
  };
}) {
  const t = useTranslations('strategy');
  const errorText = useErrorText();
  const router = useRouter();
  const empty: TDraftReport = { title: '', body: '', meetingId: '', fileId: '' };
  const initial: TDraftReport = report
    ? { title: report.title, body: report.body, meetingId: report.meetingId ?? '', fileId: report.file?.id ?? '' }
    : empty;
  const [file, setFile] = useState<UploadedFile | null>(report?.file ?? null);
  const [uploading, setUploading] = useState(false);
  const form = useForm<TDraftReport>({ resolver: formResolver(ZDraftReport), defaultValues: initial });
  const { send, formError, notice } = useActionForm(form);
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    if (report) {
      const input = { ...values, reportId: report.id, version: report.version };
      if (await send(() => updateReportAction(input), t('reportSaved'))) router.refresh();
    } else if (await send(() => draftReportAction(values), t('reportSaved'))) {
      form.reset(empty);
      setFile(null);
      router.refresh();
    }
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-3"
      aria-label={report ? t('editReportLabel', { title: report.title }) : t('newReport')}
    >
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
      <PdfUpload
        label={t('reportFile')}
        purpose="CONSULTATION_REPORT"
        maxMb={50}
        value={file}
        error={errorText(errors.fileId?.message)}
        onPendingChange={setUploading}
        onChange={(f) => {
          setFile(f);
          form.setValue('fileId', f?.id ?? '');
        }}
      />
      <div>
        <Button type="submit" pending={form.formState.isSubmitting} disabled={uploading}>
          {t('saveReport')}
        </Button>
      </div>
    </form>
  );
}
