'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { DisciplineOptions, type DisciplineOption } from '@/components/forms/discipline-options';
import { errorAt } from '@/components/forms/error-at';
import { useErrorText } from '@/components/forms/use-error-text';
import { useLatestCheck } from '@/components/applications/use-latest-check';
import { useSubmitApplication } from '@/components/applications/use-submit-application';
import { Alert, Card } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import { CONTENT_SECTIONS, SECTION_MIN_CHARS } from '@/domain/application/validate';
import type { TApplicationDraft } from '@/lib/validation/applications';
import type { CheckView } from '@/server/applications/check-view';
import {
  attachFileAction,
  detachFileAction,
  inviteMemberAction,
  removeMemberAction,
  saveDraftAction,
  submitApplicationAction,
} from '../actions';
import { AttachmentsPanel, type AttachmentSlot } from '@/components/applications/attachments-panel';
import { AvoidancesPanel, type AvoidanceView } from './avoidances-panel';
import { BudgetSection, type BudgetRulesView, type Category } from './budget-section';
import { CheckPanel, goToField } from './check-panel';
import { MembersPanel, type MemberView } from '@/components/applications/members-panel';
import { readBackup, useAutosave } from '@/components/forms/use-autosave';

export interface EditorProps {
  applicationId: string;
  status: 'DRAFT' | 'RETURNED';
  deadline: string;
  challenge: { title: string; fiscalWan: string; pledgedWan: string } | null;
  rules: {
    budget: BudgetRulesView;
    abstractEnRequired: boolean;
    representativeWorksMax: number;
    attachments: AttachmentSlot[];
    blindReview: boolean;
  };
  disciplines: DisciplineOption[];
  categories: Category[];
  works: { id: string; title: string; year: number; venue: string; type: string }[];
  members: MemberView[];
  attachments: { slotKey: string; id: string; filename: string }[];
  avoidances: AvoidanceView[];
  pledgedEnterpriseWan: string | null;
  initialCheck: CheckView;
  serverUpdatedAt: string;
  initial: TApplicationDraft;
}

const backupKey = (id: string) => `jingyan:application-draft:${id}`;
const chars = (s: string | undefined) => [...(s ?? '').trim()].length;

export function ApplicationEditor(props: EditorProps) {
  const { applicationId: id, initial, rules } = props;
  const t = useTranslations('applications');
  const tErrors = useTranslations('errors');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TApplicationDraft>({ defaultValues: initial });
  const {
    register,
    control,
    formState: { errors },
  } = form;
  const [check, setCheck] = useLatestCheck(props.initialCheck);

  const onSaved = useCallback((saved: { check: CheckView }) => setCheck(saved.check), [setCheck]);
  const save = useCallback(
    (values: TApplicationDraft, version: number) => saveDraftAction({ ...values, id, version }),
    [id],
  );
  const { state: saveState, flush } = useAutosave({
    form,
    backupKey: backupKey(id),
    initialVersion: initial.version,
    save,
    onSaved,
    networkMessage: tErrors('INTERNAL'),
  });

  // Something typed here earlier and never saved (session ended, tab closed): offer it back.
  const [restorable, setRestorable] = useState<{ at: number } | null>(null);
  useEffect(() => {
    const b = readBackup<TApplicationDraft>(backupKey(id));
    if (!b) return;
    const { version: _v1, ...mine } = b.values;
    const { version: _v2, ...server } = initial;
    if (JSON.stringify(mine) === JSON.stringify(server)) window.localStorage.removeItem(backupKey(id));
    // localStorage exists only in the browser, so this can only be learned after hydration, once.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    else setRestorable({ at: b.at });
    // Only on first load: later the backup is this page's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  function restore() {
    const b = readBackup<TApplicationDraft>(backupKey(id));
    if (b) form.reset({ ...b.values, id, version: initial.version }, { keepDefaultValues: true });
    // reset() does not fire watch subscribers as a change in every version: mark it by touching a field.
    form.setValue('title', form.getValues('title'), { shouldDirty: true });
    setRestorable(null);
  }
  function discard() {
    window.localStorage.removeItem(backupKey(id));
    setRestorable(null);
  }

  // Submission: one key per page load, so a double click or a retried request makes one version.
  const { submit, submitting, submitError, confirmOpen, setConfirmOpen } = useSubmitApplication({
    id,
    action: submitApplicationAction,
    setCheck,
    before: flush,
    onSubmitted: () => window.localStorage.removeItem(backupKey(id)),
  });

  const err = (path: string) => errorText(errorAt(errors, path));
  // Only the counted fields: the rest of the form need not re-render this component on every keystroke.
  const [abstract, content] = useWatch({ control, name: ['abstract', 'content'] });

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <form
        noValidate
        onSubmit={(e) => e.preventDefault()}
        className="flex min-w-0 flex-col gap-6"
        aria-label={t('editorLabel')}
      >
        {saveState.kind === 'stale' ? (
          <Alert tone="error">
            {t('staleBanner')}{' '}
            <button type="button" className="font-medium underline" onClick={() => window.location.reload()}>
              {t('reload')}
            </button>
          </Alert>
        ) : null}
        {saveState.kind === 'unauthenticated' ? (
          <Alert tone="error">
            {saveState.message} {t('unauthenticatedBanner')}{' '}
            <a className="font-medium underline" href="/login" target="_blank" rel="noopener">
              {t('loginInNewWindow')}
            </a>{' '}
            <button type="button" className="font-medium underline" onClick={() => void flush()}>
              {t('retrySave')}
            </button>
          </Alert>
        ) : null}
        {saveState.kind === 'error' ? <Alert tone="error">{saveState.message}</Alert> : null}
        {submitError ? <Alert tone="error">{submitError}</Alert> : null}
        {restorable ? (
          <Alert tone="warning">
            {t('restoreOffer', {
              at: new Date(restorable.at).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }),
            })}{' '}
            <button type="button" className="font-medium underline" onClick={restore}>
              {t('restore')}
            </button>{' '}
            <button type="button" className="font-medium underline" onClick={discard}>
              {t('discard')}
            </button>
          </Alert>
        ) : null}

        <Card title={t('sectionBasics')}>
          <div className="flex flex-col gap-4">
            {props.challenge ? (
              <p className="text-sm text-slate-700">
                {t('issue', { label: t('forChallenge'), message: props.challenge.title })}
              </p>
            ) : null}
            <div id="f-title">
              <Field label={t('fieldTitle')} error={err('title')} required>
                <input className={inputClass} {...register('title')} />
              </Field>
            </div>
            <div id="f-titleEn">
              <Field label={t('fieldTitleEn')} error={err('titleEn')}>
                <input className={inputClass} lang="en" {...register('titleEn')} />
              </Field>
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <div id="f-disciplineCode">
                <Field
                  label={t('fieldDiscipline')}
                  hint={t('fieldDisciplineHint')}
                  error={err('disciplineCode')}
                  required
                >
                  <select className={inputClass} {...register('disciplineCode')}>
                    <option value="">{t('choose')}</option>
                    <DisciplineOptions disciplines={props.disciplines} />
                  </select>
                </Field>
              </div>
              <div id="f-durationMonths">
                <Field
                  label={t('fieldDuration')}
                  hint={t('fieldDurationHint', {
                    min: rules.budget.durationMonths.min,
                    max: rules.budget.durationMonths.max,
                  })}
                  error={err('durationMonths')}
                  required
                >
                  <input
                    className={inputClass}
                    type="number"
                    inputMode="numeric"
                    {...register('durationMonths', { setValueAs: (v) => (v === '' || v === null ? null : Number(v)) })}
                  />
                </Field>
              </div>
            </div>
            <div id="f-keywords">
              <Field label={t('fieldKeywords')} hint={t('fieldKeywordsHint')} error={err('keywords')}>
                <input className={inputClass} {...register('keywords')} />
              </Field>
            </div>
          </div>
        </Card>

        <Card title={t('sectionAbstract')}>
          <div className="flex flex-col gap-4">
            <div id="f-abstract">
              <Field
                label={t('fieldAbstract')}
                hint={t('charCount', { count: chars(abstract), min: SECTION_MIN_CHARS.abstract })}
                error={err('abstract')}
                required
              >
                <textarea className={textareaClass} rows={6} {...register('abstract')} />
              </Field>
            </div>
            <div id="f-abstractEn">
              <Field
                label={t('fieldAbstractEn')}
                hint={rules.abstractEnRequired ? t('abstractEnRequiredHint') : t('abstractEnHint')}
                error={err('abstractEn')}
                required={rules.abstractEnRequired}
              >
                <textarea className={textareaClass} lang="en" rows={6} {...register('abstractEn')} />
              </Field>
            </div>
          </div>
        </Card>

        <Card title={t('sectionContent')}>
          <div className="flex flex-col gap-4">
            {CONTENT_SECTIONS.map((s) => (
              <div key={s} id={`f-content.${s}`}>
                <Field
                  label={t(`content.${s}`)}
                  hint={`${t(`contentHint.${s}`)} ${t('charCount', { count: chars(content?.[s]), min: SECTION_MIN_CHARS[s] })}`}
                  error={err(`content.${s}`)}
                  required
                >
                  <textarea
                    className={textareaClass}
                    rows={s === 'researchContent' ? 12 : 8}
                    {...register(`content.${s}`)}
                  />
                </Field>
              </div>
            ))}
          </div>
        </Card>

        <BudgetSection
          form={form}
          rules={rules.budget}
          categories={props.categories}
          challenge={props.challenge}
          pledgedEnterpriseWan={props.pledgedEnterpriseWan}
        />

        <Card title={t('sectionWorks')}>
          <div id="f-works" className="flex flex-col gap-3">
            <p className="text-sm text-slate-700">{t('worksHint', { max: rules.representativeWorksMax })}</p>
            {props.works.length === 0 ? (
              <p className="text-sm text-slate-600">
                {t('noWorksYet')}{' '}
                <Link className="text-brand-700 underline" href="/researcher/talent">
                  {t('goToTalent')}
                </Link>
              </p>
            ) : (
              <fieldset>
                <legend className="sr-only">{t('sectionWorks')}</legend>
                <ul className="flex flex-col gap-2">
                  {props.works.map((w) => (
                    <li key={w.id}>
                      <label className="flex items-start gap-2 text-sm text-slate-800">
                        <input type="checkbox" className="mt-1" value={w.id} {...register('workIds')} />
                        <span>
                          {w.title}
                          <span className="text-slate-600">
                            {' '}
                            · {w.venue ? `${w.venue}, ` : ''}
                            {w.year}
                          </span>
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            )}
            {err('workIds') ? (
              <p role="alert" className="text-sm text-accent-600">
                {err('workIds')}
              </p>
            ) : null}
          </div>
        </Card>
      </form>

      <div className="flex min-w-0 flex-col gap-6 lg:row-span-3">
        <aside className="flex flex-col gap-4 lg:sticky lg:top-4" aria-label={t('checkTitle')}>
          <CheckPanel check={check} save={saveState} deadline={props.deadline} />
          <div className="flex flex-col gap-2">
            <Button
              type="button"
              variant="secondary"
              onClick={() => void flush()}
              disabled={saveState.kind === 'saving'}
            >
              {t('saveNow')}
            </Button>
            <Dialog
              open={confirmOpen}
              onOpenChange={setConfirmOpen}
              title={t('submitConfirmTitle')}
              closeLabel={t('cancel')}
              trigger={
                <Button type="button" disabled={check.errors.length > 0 || saveState.kind === 'stale'}>
                  {props.status === 'RETURNED' ? t('resubmit') : t('submit')}
                </Button>
              }
            >
              <p className="text-sm text-slate-700">{t('submitConfirmBody')}</p>
              <div className="mt-4 flex justify-end gap-2">
                <Button type="button" variant="secondary" onClick={() => setConfirmOpen(false)}>
                  {t('cancel')}
                </Button>
                <Button type="button" pending={submitting} onClick={() => void submit()}>
                  {submitting ? t('submitting') : t('confirmSubmit')}
                </Button>
              </div>
            </Dialog>
            {check.errors.length > 0 ? (
              <button
                type="button"
                className="text-left text-sm text-slate-600 underline"
                onClick={() => goToField(check.errors[0]!.field, router.push)}
              >
                {t('fixFirst')}
              </button>
            ) : null}
          </div>
        </aside>
      </div>

      <div className="flex min-w-0 flex-col gap-6">
        <MembersPanel
          ns="applications"
          applicationId={id}
          members={props.members}
          invite={inviteMemberAction}
          remove={removeMemberAction}
        />
        <AttachmentsPanel
          ns="applications"
          applicationId={id}
          slots={rules.attachments}
          attached={props.attachments}
          attach={attachFileAction}
          detach={detachFileAction}
          blindReview={rules.blindReview}
        />
        <AvoidancesPanel applicationId={id} avoidances={props.avoidances} />
      </div>
    </div>
  );
}
