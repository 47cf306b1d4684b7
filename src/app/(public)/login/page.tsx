import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { Alert } from '@/components/ui/card';
import { getActor } from '@/server/auth/session';
import { LoginForm } from './login-form';

const REASONS = ['idle', 'expired', 'revoked', 'disabled', 'logout'] as const;

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ reason?: string; callbackUrl?: string }>;
}) {
  const { reason, callbackUrl } = await searchParams;
  if (await getActor()) redirect('/dashboard');
  const t = await getTranslations('login');
  const known = REASONS.find((r) => r === reason);
  // Only same-site paths: an open redirect after login would be a phishing tool.
  const next = callbackUrl && callbackUrl.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/dashboard';
  return (
    <div className="mx-auto max-w-md">
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold text-slate-900">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('subtitle')}</p>
        {known ? (
          <div className="mt-4">
            <Alert tone={known === 'logout' ? 'success' : 'warning'}>{t(`reason.${known}`)}</Alert>
          </div>
        ) : null}
        <LoginForm next={next} />
        <p className="mt-4 text-xs text-slate-600">{t('forgot')}</p>
      </div>
    </div>
  );
}
