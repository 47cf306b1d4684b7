'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useFieldArray, useForm } from 'react-hook-form';
import { DisciplineOptions, type DisciplineOption } from '@/components/forms/discipline-options';
import { errorAt } from '@/components/forms/error-at';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { useLatestCheck } from '@/components/applications/use-latest-check';
import { useSubmitApplication } from '@/components/applications/use-submit-application';
import { Alert, Card } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import { PLATFORM_MIN_CHARS, PLATFORM_PARTNER_ROLES } from '@/domain/platform/application';
import { ZPlatformDraft, type TPlatformDraft } from '@/lib/validation/platforms';
import type { CheckView } from '@/server/applications/check-view';
import {
  addPlatformMemberAction,
  attachPlatformFileAction,
  detachPlatformFileAction,
  removePlatformMemberAction,
  savePlatformDraftAction,
  submitPlatformApplicationAction,
} from '../actions';
import { AttachmentsPanel, type AttachmentSlot } from '@/components/applications/attachments-panel';
import { MembersPanel, type MemberView } from '@/components/applications/members-panel';
import { useSaveVersion } from '@/components/forms/use-fresh-version';

export interface YearRow {
  year: number;
  fiscalWan: string;
  enterpriseWan: string;
  institutionWan: string;
}

export interface PlatformEditorProps {
  applicationId: string;
  status: 'DRAFT' | 'RETURNED';
  kind: string;
  deadline: string;
  quota: { quota: number; used: number };
  durationRange: { min: number; max: number };
  fiscalRange: { min: string; max: string };
  disciplines: DisciplineOption[];
  institutions: { id: string; name: string; enterprise: boolean }[];
  members: MemberView[];
  attachmentSlots: AttachmentSlot[];
  attachments: { slotKey: string; id: string; filename: string }[];
  initialCheck: CheckView;
  initial: TPlatformDraft;
}

/** Scrolls to the field an issue names (or the nearest section holding it). */
function goToField(field: string) {
  const parts = field.split('.');
  for (let n = parts.length; n > 0; n--) {
    const el = document.getElementById(`f-${parts.slice(0, n).join('.')}`);
    if (el) {
      el.scrollIntoView({ behavior: 'smooth', block: 'center' });
      el.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select, button')?.focus({
        preventScroll: true,
      });
      return;
    }
  }
}

const SOURCES = ['fiscalWan', 'enterpriseWan', 'institutionWan'] as const;

/**
 * The office's platform application form: saved with its button (what is typed stays in the form when saving fails),
 * checked on the server after each save, submitted once with one key per page load.
 */
export function PlatformEditor(props: PlatformEditorProps) {
  const { applicationId: id, initial } = props;
  const t = useTranslations('platformApply');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TPlatformDraft>({ resolver: formResolver(ZPlatformDraft), defaultValues: initial });
  const {
    register,
    control,
    handleSubmit,
    formState: { errors, isSubmitting, isDirty },
  } = form;
  const directions = useFieldArray({ control, name: 'content.directions' });
  const partners = useFieldArray({ control, name: 'partners' });
  const { send, formError, notice } = useActionForm(form);
  const [check, setCheck] = useLatestCheck(props.initialCheck);
  const err = (path: string) => errorText(errorAt(errors, path));

  const version = useSaveVersion(initial.version);
  const save = handleSubmit(async (values) => {
    const data = await send(() => savePlatformDraftAction({ ...values, id, version: version.current() }), t('saved'));
    if (data) {
      version.saved(data.version);
      // What was saved is the new baseline ("unsaved changes" clears); anything typed since stays in the fields.
      form.reset(values, { keepValues: true });
      setCheck(data.check);
      router.refresh();
    }
  });

  // Submission: one key per page load, so a double click or a retried request makes one version.
  const { submit, submitting, submitError, confirmOpen, setConfirmOpen } = useSubmitApplication({
    id,
    action: submitPlatformApplicationAction,
    setCheck,
  });

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <form noValidate onSubmit={save} className="flex min-w-0 flex-col gap-6" aria-label={t('editorLabel')}>
        <FormStatus error={formError} notice={notice} />
        {submitError ? <Alert tone="error">{submitError}</Alert> : null}

        <Card title={t('sectionBasics')}>
          <div className="flex flex-col gap-4">
            <div id="f-title">
              <Field label={t('fields.title')} error={err('title')} required>
                <input className={inputClass} {...register('title')} />
              </Field>
            </div>
            <div id="f-titleEn">
              <Field label={t('fields.titleEn')} error={err('titleEn')}>
                <input className={inputClass} lang="en" {...register('titleEn')} />
              </Field>
            </div>
            <div id="f-directorEmail">
              <Field
                label={t('fields.directorEmail')}
                hint={props.kind === 'RESEARCH_CENTER' ? t('directorStrategicHint') : t('directorHint')}
                error={err('directorEmail')}
                required
              >
                <input className={inputClass} type="email" autoComplete="off" {...register('directorEmail')} />
              </Field>
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <div id="f-disciplineCode">
                <Field label={t('fields.discipline')} error={err('disciplineCode')} required>
                  <select className={inputClass} {...register('disciplineCode')}>
                    <option value="">{t('choose')}</option>
                    <DisciplineOptions disciplines={props.disciplines} />
                  </select>
                </Field>
              </div>
              <div id="f-durationMonths">
                <Field
                  label={t('fields.duration')}
                  hint={t('durationHint', props.durationRange)}
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
              <Field label={t('fields.keywords')} hint={t('keywordsHint')} error={err('keywords')}>
                <input className={inputClass} {...register('keywords')} />
              </Field>
            </div>
            <div id="f-abstract">
              <Field
                label={t('fields.abstract')}
                hint={t('minChars', { min: PLATFORM_MIN_CHARS.abstract })}
                error={err('abstract')}
                required
              >
                <textarea className={textareaClass} rows={6} {...register('abstract')} />
              </Field>
            </div>
            <div id="f-abstractEn">
              <Field label={t('fields.abstractEn')} error={err('abstractEn')}>
                <textarea className={textareaClass} lang="en" rows={4} {...register('abstractEn')} />
              </Field>
            </div>
          </div>
        </Card>

        <Card title={t('sectionPlan')}>
          <div className="flex flex-col gap-4">
            {(['goals', 'buildingPlan', 'openness'] as const).map((key) => (
              <div key={key} id={`f-content.${key}`}>
                <Field
                  label={t(`fields.${key}`)}
                  hint={t('minChars', { min: PLATFORM_MIN_CHARS[key] })}
                  error={err(`content.${key}`)}
                  required
                >
                  <textarea
                    className={textareaClass}
                    rows={key === 'buildingPlan' ? 12 : 6}
                    {...register(`content.${key}`)}
                  />
                </Field>
              </div>
            ))}
          </div>
        </Card>

        <Card title={t('sectionDirections')}>
          <div id="f-content.directions" className="flex flex-col gap-4">
            <p className="text-sm text-slate-700">{t('directionsHint')}</p>
            {err('content.directions') ? (
              <p role="alert" className="text-sm text-accent-600">
                {err('content.directions')}
              </p>
            ) : null}
            {directions.fields.map((f, i) => (
              <fieldset
                key={f.id}
                id={`f-content.directions.${i}`}
                className="flex flex-col gap-3 rounded-md border border-slate-200 p-3"
              >
                <legend className="px-1 text-sm font-semibold text-slate-800">{t('directionN', { n: i + 1 })}</legend>
                <div className="grid gap-3 sm:grid-cols-2">
                  <Field label={t('fields.directionTitle')} error={err(`content.directions.${i}.title`)} required>
                    <input className={inputClass} {...register(`content.directions.${i}.title`)} />
                  </Field>
                  <Field label={t('fields.directionLead')} error={err(`content.directions.${i}.leadName`)} required>
                    <input className={inputClass} {...register(`content.directions.${i}.leadName`)} />
                  </Field>
                </div>
                <Field label={t('fields.directionTitleEn')} error={err(`content.directions.${i}.titleEn`)}>
                  <input className={inputClass} lang="en" {...register(`content.directions.${i}.titleEn`)} />
                </Field>
                <Field
                  label={t('fields.directionDescription')}
                  hint={t('minChars', { min: PLATFORM_MIN_CHARS.directionDescription })}
                  error={err(`content.directions.${i}.description`)}
                  required
                >
                  <textarea className={textareaClass} rows={4} {...register(`content.directions.${i}.description`)} />
                </Field>
                <div>
                  <Button type="button" size="sm" variant="ghost" onClick={() => directions.remove(i)}>
                    {t('removeDirection', { n: i + 1 })}
                  </Button>
                </div>
              </fieldset>
            ))}
            <div>
              <Button
                type="button"
                variant="secondary"
                size="sm"
                onClick={() => directions.append({ title: '', titleEn: '', description: '', leadName: '' })}
              >
                {t('addDirection')}
              </Button>
            </div>
          </div>
        </Card>

        <Card title={t('sectionPartners')}>
          <div id="f-partners" className="flex flex-col gap-4">
            <p className="text-sm text-slate-700">
              {props.kind === 'THREE_CITIES_PLATFORM' ? t('partnersEnterpriseHint') : t('partnersHint')}
            </p>
            {err('partners') ? (
              <p role="alert" className="text-sm text-accent-600">
                {err('partners')}
              </p>
            ) : null}
            {partners.fields.map((f, i) => (
              <fieldset
                key={f.id}
                id={`f-partners.${i}`}
                className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2"
              >
                <legend className="px-1 text-sm font-semibold text-slate-800">{t('partnerN', { n: i + 1 })}</legend>
                <Field label={t('fields.partnerInstitution')} error={err(`partners.${i}.institutionId`)} required>
                  <select className={inputClass} {...register(`partners.${i}.institutionId`)}>
                    <option value="">{t('choose')}</option>
                    {props.institutions.map((inst) => (
                      <option key={inst.id} value={inst.id}>
                        {inst.name}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field label={t('fields.partnerRole')} error={err(`partners.${i}.role`)} required>
                  <select className={inputClass} {...register(`partners.${i}.role`)}>
                    {PLATFORM_PARTNER_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`partnerRoles.${r}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                <div className="sm:col-span-2">
                  <Field label={t('fields.partnerContribution')} error={err(`partners.${i}.contribution`)}>
                    <textarea className={textareaClass} rows={2} {...register(`partners.${i}.contribution`)} />
                  </Field>
                </div>
                <div>
                  <Button type="button" size="sm" variant="ghost" onClick={() => partners.remove(i)}>
                    {t('removePartner', { n: i + 1 })}
                  </Button>
                </div>
              </fieldset>
            ))}
            <div>
              <Button
                type="button"
                variant="secondary"
                size="sm"
                onClick={() => partners.append({ institutionId: '', role: 'CO_BUILDER', contribution: '' })}
              >
                {t('addPartner')}
              </Button>
            </div>
          </div>
        </Card>

        <Card title={t('sectionBudget')}>
          <div id="f-yearBudget" className="flex flex-col gap-3">
            <p className="text-sm text-slate-700">{t('budgetHint', props.fiscalRange)}</p>
            {err('yearBudget') ? (
              <p role="alert" className="text-sm text-accent-600">
                {err('yearBudget')}
              </p>
            ) : null}
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <caption className="sr-only">{t('sectionBudget')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="px-2 py-1 text-left font-medium text-slate-700">
                      {t('fields.year')}
                    </th>
                    {SOURCES.map((s) => (
                      <th key={s} scope="col" className="px-2 py-1 text-left font-medium text-slate-700">
                        {t(`sourceInputs.${s}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {(initial.yearBudget ?? []).map((row, i) => (
                    <tr key={row.year} id={`f-yearBudget.${i}`}>
                      <th scope="row" className="px-2 py-1 text-left font-normal tabular-nums">
                        {row.year}
                        <input type="hidden" {...register(`yearBudget.${i}.year`, { valueAsNumber: true })} />
                        {err(`yearBudget.${i}.year`) ? (
                          <span role="alert" className="block text-xs text-accent-600">
                            {err(`yearBudget.${i}.year`)}
                          </span>
                        ) : null}
                      </th>
                      {SOURCES.map((s) => (
                        <td key={s} className="px-2 py-1">
                          <input
                            className={inputClass}
                            inputMode="decimal"
                            aria-label={t('amountFor', { year: row.year, source: t(`sourceInputs.${s}`) })}
                            aria-invalid={err(`yearBudget.${i}.${s}`) ? true : undefined}
                            {...register(`yearBudget.${i}.${s}`)}
                          />
                          {err(`yearBudget.${i}.${s}`) ? (
                            <span role="alert" className="block text-xs text-accent-600">
                              {err(`yearBudget.${i}.${s}`)}
                            </span>
                          ) : null}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {(initial.yearBudget ?? []).length === 0 ? (
              <p className="text-sm text-slate-600">{t('budgetNoYears')}</p>
            ) : (
              <p className="text-xs text-slate-600">{t('budgetYearsHint')}</p>
            )}
          </div>
        </Card>

        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" pending={isSubmitting}>
            {t('save')}
          </Button>
          {isDirty ? <span className="text-sm text-amber-800">{t('unsaved')}</span> : null}
        </div>
      </form>

      <aside className="flex min-w-0 flex-col gap-4 lg:sticky lg:top-4 lg:self-start" aria-label={t('checkTitle')}>
        <Card title={t('checkTitle')}>
          <div className="flex flex-col gap-3 text-sm">
            <p className="text-slate-700">{t('deadline', { at: props.deadline })}</p>
            <p className="text-slate-700">{t('quotaValueLong', props.quota)}</p>
            {check.errors.length === 0 ? (
              <p className="text-green-800">{t('checkClean')}</p>
            ) : (
              <ul className="flex flex-col gap-1">
                {check.errors.map((e, i) => (
                  <li key={i}>
                    <button
                      type="button"
                      className="text-left text-accent-600 underline"
                      onClick={() => goToField(e.field)}
                    >
                      {t('issue', { label: platformFieldLabel(t, e.field), message: e.message })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {check.warnings.length ? (
              <ul className="flex flex-col gap-1 text-amber-800">
                {check.warnings.map((w, i) => (
                  <li key={i}>{t('issue', { label: platformFieldLabel(t, w.field), message: w.message })}</li>
                ))}
              </ul>
            ) : null}
          </div>
        </Card>
        <Dialog
          open={confirmOpen}
          onOpenChange={setConfirmOpen}
          title={t('submitConfirmTitle')}
          closeLabel={t('cancel')}
          trigger={
            <Button type="button" disabled={check.errors.length > 0 || isDirty}>
              {t('submit')}
            </Button>
          }
        >
          <p className="text-sm text-slate-700">{t('submitConfirmBody')}</p>
          <div className="mt-4 flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setConfirmOpen(false)}>
              {t('cancel')}
            </Button>
            <Button type="button" pending={submitting} onClick={() => void submit()}>
              {t('confirmSubmit')}
            </Button>
          </div>
        </Dialog>
        {isDirty ? <p className="text-xs text-slate-600">{t('saveBeforeSubmit')}</p> : null}
      </aside>

      <div className="flex min-w-0 flex-col gap-6">
        <MembersPanel
          ns="platformApply"
          applicationId={id}
          members={props.members}
          invite={addPlatformMemberAction}
          remove={removePlatformMemberAction}
        />
        <AttachmentsPanel
          ns="platformApply"
          applicationId={id}
          slots={props.attachmentSlots}
          attached={props.attachments}
          attach={attachPlatformFileAction}
          detach={detachPlatformFileAction}
        />
      </div>
    </div>
  );
}

/** The label of the field a check issue names ("content.directions.0.title" → "研究方向 1 · 方向名称"). */
function platformFieldLabel(t: ReturnType<typeof useTranslations<'platformApply'>>, field: string): string {
  const [head, second, index, leaf] = field.split('.');
  const n = Number(index) + 1;
  switch (head) {
    case 'title':
    case 'titleEn':
    case 'directorEmail':
    case 'keywords':
    case 'abstract':
    case 'abstractEn':
      return t(`fields.${head}`);
    case 'disciplineCode':
      return t('fields.discipline');
    case 'durationMonths':
      return t('fields.duration');
    case 'content':
      if (second === 'directions') {
        if (index === undefined) return t('sectionDirections');
        const part = { title: 'directionTitle', titleEn: 'directionTitleEn', leadName: 'directionLead' }[leaf ?? ''];
        return `${t('directionN', { n })} · ${t(`fields.${part ?? 'directionDescription'}`)}`;
      }
      return second === 'goals' || second === 'buildingPlan' || second === 'openness'
        ? t(`fields.${second}`)
        : t('sectionPlan');
    case 'partners':
      return second === undefined ? t('sectionPartners') : t('partnerN', { n: Number(second) + 1 });
    case 'members':
      return t('sectionMembers');
    case 'yearBudget':
      return t('sectionBudget');
    case 'attachments':
      return t('sectionAttachments');
    default:
      return t('sectionBasics');
  }
}
