import { getTranslations } from 'next-intl/server';
import { Alert, PageHeader } from '@/components/ui/card';
import { db } from '@/server/db';
import { requireUser } from '@/server/auth/session';
import { getSecurityPolicy } from '@/server/security/get-security-policy';
import { ChangePasswordForm } from './change-password-form';

export default async function ChangePasswordPage() {
  const actor = await requireUser();
  const policy = await getSecurityPolicy(db());
  const t = await getTranslations('account');
  return (
    <div className="max-w-lg">
      <PageHeader title={t('passwordTitle')} />
      {actor.mustChangePassword ? (
        <div className="mb-4">
          <Alert tone="warning">{t('mustChange')}</Alert>
        </div>
      ) : null}
      <ChangePasswordForm
        mustChange={actor.mustChangePassword}
        policyHint={t('policy', { min: policy.passwordMinLength, classes: policy.passwordMinClasses })}
      />
    </div>
  );
}
