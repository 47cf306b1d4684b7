'use client';
import { useTranslations } from 'next-intl';
import type { CheckView } from '@/server/applications/check-view';
import { useRouter } from 'next/navigation';
import type { SaveState } from '@/components/forms/use-autosave';

/** Scrolls to the field an issue names (or the nearest section holding it) and puts the cursor there. */
export function goToField(field: string, navigate: (href: string) => void) {
  if (field.startsWith('profile') || field === 'institution') {
    navigate('/researcher/profile');
    return;
  }
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

type T = ReturnType<typeof useTranslations<'applications'>>;

/** The name of the part of the form an issue is about, so "required" reads "项目名称：此项为必填项。". */
export function fieldLabel(t: T, field: string): string {
  const [head, second] = field.split('.');
  switch (head) {
    case 'title':
      return t('fieldTitle');
    case 'titleEn':
      return t('fieldTitleEn');
    case 'disciplineCode':
      return t('fieldDiscipline');
    case 'keywords':
      return t('fieldKeywords');
    case 'durationMonths':
      return t('fieldDuration');
    case 'abstract':
      return t('fieldAbstract');
    case 'abstractEn':
      return t('fieldAbstractEn');
    case 'content':
      return second && ['researchContent', 'innovation', 'plan', 'outcomes'].includes(second)
        ? t(`content.${second as 'researchContent'}`)
        : t('sectionContent');
    case 'lumpSumWan':
      return t('lumpSum');
    case 'lumpSumPlan':
      return t('lumpSumPlan');
    case 'budgetMode':
    case 'budgetLines':
      return t('sectionBudget');
    case 'funding':
      return second === 'FISCAL'
        ? t('fundingFiscal')
        : second === 'ENTERPRISE'
          ? t('fundingEnterprise')
          : t('fundingSources');
    case 'works':
    case 'workIds':
      return t('sectionWorks');
    case 'members':
      return t('sectionMembers');
    case 'attachments':
      return t('sectionAttachments');
    case 'profile':
    case 'applicant':
      return t('applicantRecord');
    case 'institution':
      return t('institution');
    default:
      return t('callLabel');
  }
}

/** Issues as buttons that take the person to the field each one names. */
function IssueList({ issues, className }: { issues: CheckView['errors']; className: string }) {
  const t = useTranslations('applications');
  const router = useRouter();
  return (
    <ul className={`flex flex-col gap-1 text-sm ${className}`}>
      {issues.map((i, n) => (
        <li key={n}>
          <button
            type="button"
            className="text-left underline-offset-2 hover:underline"
            onClick={() => goToField(i.field, router.push)}
          >
            {t('issue', { label: fieldLabel(t, i.field), message: i.message })}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The pre-submission check (errors block, warnings inform), each issue a link to its field; and the save state. */
export function CheckPanel({ check, save, deadline }: { check: CheckView; save: SaveState; deadline: string }) {
  const t = useTranslations('applications');
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">{t('deadline', { at: deadline })}</p>
      <SaveStatus state={save} />
      <section aria-labelledby="check-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="check-heading" className="text-base font-semibold text-slate-900">
          {t('checkTitle')}
        </h2>
        {check.errors.length === 0 ? (
          <p className="mt-2 text-sm text-green-800">{t('checkReady')}</p>
        ) : (
          <>
            <p className="mt-2 text-sm text-accent-600">{t('checkErrors', { count: check.errors.length })}</p>
            <IssueList issues={check.errors} className="mt-2 text-accent-600" />
          </>
        )}
        {check.warnings.length > 0 ? (
          <>
            <p className="mt-3 text-sm text-amber-800">{t('checkWarnings', { count: check.warnings.length })}</p>
            <IssueList issues={check.warnings} className="mt-1 text-amber-800" />
          </>
        ) : null}
      </section>
    </div>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  const t = useTranslations('applications');
  const text = {
    idle: t('saveIdle'),
    saving: t('saveSaving'),
    saved:
      state.kind === 'saved'
        ? t('saveSaved', { at: state.at.toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) })
        : '',
    error: '',
    stale: '',
    unauthenticated: '',
  }[state.kind];
  if (state.kind === 'error' || state.kind === 'stale' || state.kind === 'unauthenticated') return null;
  return (
    <p role="status" aria-live="polite" className="text-sm text-slate-600">
      {text}
    </p>
  );
}
