'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Badge, Card } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass } from '@/components/ui/styles';
import { ZInviteMember, type TInviteMember } from '@/lib/validation/applications';
import type { ActionResult } from '@/lib/errors';

export interface MemberView {
  id: string;
  name: string;
  email: string;
  institution: string;
  responsibility: string;
  monthsPerYear: number;
  confirmation: 'PENDING' | 'CONFIRMED' | 'DECLINED';
}

const TONE = { PENDING: 'amber', CONFIRMED: 'green', DECLINED: 'red' } as const;

/**
 * The team: registered researchers who confirm in their own account (for a project it counts against their 限项; for
 * a platform they come from the host or a partner institution). Shared by the researcher's and the office's editors:
 * `ns` is the message namespace, and the two actions are that editor's own.
 */
export function MembersPanel({
  ns,
  applicationId,
  members,
  invite,
  remove: removeAction,
}: {
  ns: 'applications' | 'platformApply';
  applicationId: string;
  members: MemberView[];
  invite: (input: TInviteMember) => Promise<ActionResult<unknown>>;
  remove: (input: { applicationId: string; memberId: string }) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations(ns);
  const errorText = useErrorText();
  const router = useRouter();
  const empty = { applicationId, email: '', responsibility: '', monthsPerYear: 6 };
  const form = useForm<TInviteMember>({ resolver: formResolver(ZInviteMember), defaultValues: empty });
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = form;
  const { send, formError, notice } = useActionForm(form);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const removing = useRef(false);

  const onInvite = handleSubmit(async (values) => {
    const data = await send(() => invite(values), t('invited'));
    if (data) {
      reset(empty);
      router.refresh();
    }
  });

  async function remove(memberId: string) {
    if (removing.current) return;
    removing.current = true;
    setRemoveError(null);
    const r = await removeAction({ applicationId, memberId }).catch(() => null);
    removing.current = false;
    if (r?.ok) router.refresh();
    else setRemoveError(r ? r.message : t('networkError'));
  }

  return (
    <Card title={t('sectionMembers')}>
      <div id="f-members" className="flex flex-col gap-4">
        <p className="text-sm text-slate-700">{t('membersHint')}</p>
        {removeError ? (
          <p role="alert" className="text-sm text-accent-600">
            {removeError}
          </p>
        ) : null}
        {members.length ? (
          <ul className="divide-y divide-slate-100">
            {members.map((m, i) => (
              <li key={m.id} id={`f-members.${i}`} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <div className="text-sm">
                  <p className="font-medium text-slate-900">
                    {m.name} <span className="font-normal text-slate-600">{m.email}</span>
                  </p>
                  <p className="text-slate-600">
                    {m.institution} · {m.responsibility} · {t('monthsPerYearValue', { n: m.monthsPerYear })}
                  </p>
                </div>
                <div className="flex items-center gap-2">
                  <Badge tone={TONE[m.confirmation]}>{t(`confirmation.${m.confirmation}`)}</Badge>
                  <Button
                    type="button"
                    size="sm"
                    variant="ghost"
                    aria-label={t('removeMember', { name: m.name })}
                    onClick={() => void remove(m.id)}
                  >
                    {t('remove')}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t('noMembers')}</p>
        )}
        <form onSubmit={onInvite} noValidate className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
          <h3 className="text-sm font-semibold text-slate-900">{t('inviteTitle')}</h3>
          <FormStatus error={formError} notice={notice} />
          <div className="grid gap-3 sm:grid-cols-[1fr_1fr_8rem]">
            <Field label={t('memberEmail')} error={errorText(errors.email?.message)} required>
              <input className={inputClass} type="email" autoComplete="off" {...register('email')} />
            </Field>
            <Field label={t('responsibility')} error={errorText(errors.responsibility?.message)} required>
              <input className={inputClass} {...register('responsibility')} />
            </Field>
            <Field label={t('monthsPerYear')} error={errorText(errors.monthsPerYear?.message)} required>
              <input
                className={inputClass}
                type="number"
                min={1}
                max={12}
                {...register('monthsPerYear', { valueAsNumber: true })}
              />
            </Field>
          </div>
          <div>
            <Button type="submit" variant="secondary" pending={isSubmitting}>
              {t('invite')}
            </Button>
          </div>
        </form>
      </div>
    </Card>
  );
}
