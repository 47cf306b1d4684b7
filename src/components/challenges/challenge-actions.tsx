'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { transitionChallengeAction } from '@/app/actions/challenges';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import { useSharedVersion } from './version-context';
import { CHALLENGE_TRANSITIONS, type ChallengeStatus, type ChallengeTransition } from '@/domain/challenge/challenge';

type Side = 'ISSUER' | 'STAFF';

/** The moves a challenge can make next, for this side; a return needs a reason, a publication a call. */
export function ChallengeActions({
  id,
  version,
  status,
  side,
  calls,
}: {
  id: string;
  version: number;
  status: ChallengeStatus;
  side: Side;
  calls: { id: string; title: string }[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ message: string; details: string[] } | null>(null);
  const [reason, setReason] = useState('');
  const [callId, setCallId] = useState(calls[0]?.id ?? '');
  const shared = useSharedVersion();
  const available = (Object.keys(CHALLENGE_TRANSITIONS) as ChallengeTransition[]).filter((k) => {
    const rule = CHALLENGE_TRANSITIONS[k];
    return (rule.from as readonly ChallengeStatus[]).includes(status) && (rule.by as readonly Side[]).includes(side);
  });
  if (available.length === 0) return null;

  const run = (transition: ChallengeTransition) =>
    startTransition(async () => {
      setError(null);
      if (transition === 'withdraw' && !window.confirm(t('challenges.confirmWithdraw'))) return;
      const result = await transitionChallengeAction({
        id,
        version: shared?.version ?? version,
        transition,
        reason: transition === 'return' ? reason : undefined,
        callId: transition === 'publish' ? callId || undefined : undefined,
      });
      if (!result.ok) setError({ message: result.message, details: Object.values(result.fieldErrors ?? {}) });
      else shared?.learn(result.data.version);
      router.refresh();
    });

  return (
    <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="text-base font-semibold">{t('challenges.nextStep')}</h2>
      <p className="text-sm text-slate-600">{t('challenges.saveFirst')}</p>
      {error ? (
        <Alert tone="error">
          <p>{error.message}</p>
          {error.details.length ? (
            <ul className="mt-1 list-disc pl-5">
              {[...new Set(error.details)].map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {available.includes('publish') ? (
        <div className="flex flex-col gap-2">
          <Field label={t('challenges.publishInto')}>
            <select className={inputClass} value={callId} onChange={(e) => setCallId(e.target.value)}>
              {calls.length === 0 ? <option value="">{t('challenges.noCall')}</option> : null}
              {calls.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </Field>
          <div>
            <Button pending={pending} disabled={!callId} onClick={() => run('publish')}>
              {t('challenges.transitions.publish')}
            </Button>
          </div>
        </div>
      ) : null}
      {available.includes('return') ? (
        <div className="flex flex-col gap-2">
          <Field label={t('challenges.returnReason')}>
            <textarea className={textareaClass} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <div>
            <Button variant="secondary" pending={pending} onClick={() => run('return')}>
              {t('challenges.transitions.return')}
            </Button>
          </div>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {available
          .filter((k) => k !== 'publish' && k !== 'return')
          .map((k) => (
            <Button key={k} variant={k === 'withdraw' ? 'danger' : 'primary'} pending={pending} onClick={() => run(k)}>
              {t(`challenges.transitions.${k}`)}
            </Button>
          ))}
      </div>
    </div>
  );
}
