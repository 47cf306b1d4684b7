'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { Alert } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass } from '@/components/ui/styles';
import { startApplicationAction } from './actions';

interface StartableCall {
  id: string;
  title: string;
  program: string;
  closesAt: string;
  needsChallenge: boolean;
  challenges: { id: string; title: string }[];
}

/** Choose a call (and, for 揭榜挂帅, the challenge); starting twice opens the same draft. */
export function StartApplicationForm({
  calls,
  initialChallengeId,
}: {
  calls: StartableCall[];
  initialChallengeId: string | null;
}) {
  const t = useTranslations('applications');
  const router = useRouter();
  const preset = initialChallengeId
    ? calls.find((c) => c.challenges.some((ch) => ch.id === initialChallengeId))
    : undefined;
  const [callId, setCallId] = useState(preset?.id ?? calls[0]?.id ?? '');
  const [challengeId, setChallengeId] = useState(preset ? initialChallengeId! : '');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const busy = useRef(false);
  const call = calls.find((c) => c.id === callId);

  async function start(e: React.FormEvent) {
    e.preventDefault();
    if (busy.current) return;
    busy.current = true;
    setPending(true);
    setError(null);
    setFieldErrors({});
    const r = await startApplicationAction({
      callId,
      ...(call?.needsChallenge && challengeId ? { challengeId } : {}),
    }).catch(() => null);
    busy.current = false;
    if (r?.ok) {
      router.push(`/researcher/applications/${r.data.id}`);
      return;
    }
    setPending(false);
    if (!r) setError(t('networkError'));
    else {
      setError(r.message);
      setFieldErrors(r.fieldErrors ?? {});
    }
  }

  return (
    <form onSubmit={start} noValidate className="flex max-w-3xl flex-col gap-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field label={t('chooseCall')} error={fieldErrors.callId}>
        <select className={inputClass} value={callId} onChange={(e) => setCallId(e.target.value)}>
          {calls.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}（{t('closesAt', { at: c.closesAt })}）
            </option>
          ))}
        </select>
      </Field>
      {call?.needsChallenge ? (
        <Field label={t('chooseChallenge')} hint={t('chooseChallengeHint')} error={fieldErrors.challengeId} required>
          <select className={inputClass} value={challengeId} onChange={(e) => setChallengeId(e.target.value)}>
            <option value="">{t('choose')}</option>
            {call.challenges.map((ch) => (
              <option key={ch.id} value={ch.id}>
                {ch.title}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <div>
        <Button type="submit" pending={pending}>
          {pending ? t('starting') : t('startButton')}
        </Button>
      </div>
    </form>
  );
}
