'use client';
import { formResolver } from '@/components/forms/form-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { DialogForm } from '@/components/forms/dialog-form';
import { PdfUpload, type UploadedFile } from '@/components/forms/pdf-upload';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import { WORK_TYPES, ZCreateWork, ZUpdateWork, type TCreateWork } from '@/lib/validation/talent';
import { createWorkAction, updateWorkAction } from './actions';

/** A representative work as the page shows and the edit dialog starts from. */
export interface WorkView {
  id: string;
  version: number;
  type: (typeof WORK_TYPES)[number];
  title: string;
  authors: string;
  venue: string;
  year: number;
  identifier: string;
  citation: string;
  contributionStatement: string;
  evidenceFile: { id: string; filename: string } | null;
  applicationCount: number;
}

/** The limit of the WORK_EVIDENCE upload purpose (src/server/files/files.ts). */
const EVIDENCE_MAX_MB = 20;
const STATEMENT_MIN = 20;
const STATEMENT_MAX = 1000;

type WorkForm = TCreateWork & { id?: string; version?: number };

function toForm(work: WorkView | undefined): WorkForm {
  if (!work) {
    return {
      type: 'PAPER',
      title: '',
      authors: '',
      venue: '',
      // An empty year box: the schema names it rather than the form inventing a year.
      year: '' as unknown as number,
      identifier: '',
      citation: '',
      contributionStatement: '',
      evidenceFileId: null,
    };
  }
  return {
    id: work.id,
    version: work.version,
    type: work.type,
    title: work.title,
    authors: work.authors,
    venue: work.venue,
    year: work.year,
    identifier: work.identifier,
    citation: work.citation,
    contributionStatement: work.contributionStatement,
    evidenceFileId: work.evidenceFile?.id ?? null,
  };
}

/** Adds a work (no `work`), or edits one (a row's "edit" button) with the version it was loaded with. */
export function WorkDialog({ work }: { work?: WorkView }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [evidence, setEvidence] = useState<UploadedFile | null>(work?.evidenceFile ?? null);
  const [uploading, setUploading] = useState(false);
  const form = useForm<WorkForm>({
    resolver: formResolver(work ? ZUpdateWork : ZCreateWork) as never,
    defaultValues: toForm(work),
  });
  const { send, formError } = useActionForm(form);
  const e = form.formState.errors;
  const statement = useWatch({ control: form.control, name: 'contributionStatement' }) ?? '';

  const onOpenChange = (next: boolean) => {
    // An edit starts from the saved work each time; a new work keeps what was typed until it is saved.
    if (next && work) {
      form.reset(toForm(work));
      setEvidence(work.evidenceFile);
    }
    setOpen(next);
  };

  const onSubmit = form.handleSubmit(async () => {
    const values = form.getValues();
    const saved = work ? await send(() => updateWorkAction(values)) : await send(() => createWorkAction(values));
    if (saved) {
      if (!work) {
        form.reset(toForm(undefined));
        setEvidence(null);
      }
      setOpen(false);
      router.refresh();
    }
  });

  const title = work ? t('talent.editWorkTitle', { title: work.title }) : t('talent.addWork');
  return (
    <DialogForm
      title={title}
      triggerLabel={work ? t('common.edit') : undefined}
      open={open}
      onOpenChange={onOpenChange}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting || uploading}
      submitLabel={work ? t('common.save') : t('talent.add')}
      formError={formError}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t('talent.workType')} error={errorText(e.type?.message)} required>
          <select className={inputClass} {...form.register('type')}>
            {WORK_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`talent.workTypes.${type}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('talent.workTitle')} error={errorText(e.title?.message)} className="sm:col-span-2" required>
          <input className={inputClass} {...form.register('title')} />
        </Field>
      </div>
      <Field label={t('talent.authors')} hint={t('talent.authorsHint')} error={errorText(e.authors?.message)} required>
        <input className={inputClass} {...form.register('authors')} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          label={t('talent.venue')}
          hint={t('talent.venueHint')}
          error={errorText(e.venue?.message)}
          className="sm:col-span-2"
        >
          <input className={inputClass} {...form.register('venue')} />
        </Field>
        <Field label={t('talent.year')} error={errorText(e.year?.message)} required>
          <input
            type="number"
            inputMode="numeric"
            min={1950}
            max={2100}
            className={inputClass}
            {...form.register('year', { valueAsNumber: true })}
          />
        </Field>
      </div>
      <Field label={t('talent.identifier')} hint={t('talent.identifierHint')} error={errorText(e.identifier?.message)}>
        <input className={`${inputClass} font-mono`} {...form.register('identifier')} />
      </Field>
      <Field label={t('talent.citation')} hint={t('talent.citationHint')} error={errorText(e.citation?.message)}>
        <textarea className={`${textareaClass} min-h-20`} rows={2} {...form.register('citation')} />
      </Field>
      <Field
        label={t('talent.contributionStatement')}
        hint={
          <>
            {t('talent.contributionHint', { min: STATEMENT_MIN, max: STATEMENT_MAX })}{' '}
            <span className="whitespace-nowrap">{t('talent.charCount', { count: statement.trim().length })}</span>
          </>
        }
        error={errorText(e.contributionStatement?.message)}
        required
      >
        <textarea className={textareaClass} rows={5} {...form.register('contributionStatement')} />
      </Field>
      <PdfUpload
        label={t('talent.evidence')}
        hint={t('talent.evidenceHint', { max: EVIDENCE_MAX_MB })}
        purpose="WORK_EVIDENCE"
        maxMb={EVIDENCE_MAX_MB}
        value={evidence}
        onChange={(file) => {
          setEvidence(file);
          form.setValue('evidenceFileId', file?.id ?? null, { shouldDirty: true });
          form.clearErrors('evidenceFileId');
        }}
        onPendingChange={setUploading}
        error={errorText(e.evidenceFileId?.message)}
      />
    </DialogForm>
  );
}
