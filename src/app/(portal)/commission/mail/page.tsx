import { getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/projects/project-forms';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { inputClass } from '@/components/ui/styles';
import { Table, Td } from '@/components/ui/table';
import { canResendMail } from '@/domain/notify/notifications';
import { asLocale } from '@/i18n/config';
import { formatDateTime } from '@/lib/format';
import { resendMailAction } from '@/app/actions/notifications';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { mailTransportDescription } from '@/server/notify/mail';
import { listMail, MAIL_STATUSES, type MailStatus } from '@/server/notify/mail-admin';

/** 邮件投递: every notification mail with its delivery state; failed and bounced mail can be sent again. */
export default async function MailDeliveryPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; q?: string }>;
}) {
  const actor = await requirePermission('read:mail:all');
  const params = await searchParams;
  const status = (MAIL_STATUSES as readonly string[]).includes(params.status ?? '')
    ? (params.status as MailStatus)
    : undefined;
  const q = (params.q ?? '').slice(0, 100);
  const [t, te, locale] = await Promise.all([
    getTranslations('notifications.mail'),
    getTranslations('enums.MailStatus'),
    getLocale().then(asLocale),
  ]);
  const { rows, counts } = await listMail(db(), actor, { status, q });
  const transport = mailTransportDescription();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t('title')} description={t('intro')} />
      <Card title={t('transport')}>
        <p className="text-sm text-slate-700">
          {transport.kind === 'smtp'
            ? t('viaSmtp', { where: transport.where })
            : t('viaFile', { where: transport.where })}
        </p>
        <p className="mt-2 text-sm text-slate-700">{t('counts', counts)}</p>
      </Card>
      <form className="flex flex-wrap items-end gap-3" aria-label={t('filter')}>
        <label className="flex flex-col gap-1 text-sm">
          {t('status')}
          <select name="status" defaultValue={status ?? ''} className={inputClass}>
            <option value="">{t('all')}</option>
            {MAIL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {te(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('search')}
          <input name="q" defaultValue={q} className={inputClass} />
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-3 py-2 text-sm text-white">
          {t('apply')}
        </button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <Table
          caption={t('title')}
          head={[t('to'), t('subject'), t('status'), t('attempts'), t('createdAt'), t('sentAt'), t('lastError'), '']}
        >
          {rows.map((m) => (
            <tr key={m.id}>
              <Td>
                <span className="block">{m.recipient.name}</span>
                <span className="text-xs text-slate-600">{m.toAddress}</span>
              </Td>
              <Td>{m.subject}</Td>
              <Td>{te(m.status)}</Td>
              <Td>{m.attempts}</Td>
              <Td>{formatDateTime(m.createdAt, locale)}</Td>
              <Td>{m.sentAt ? formatDateTime(m.sentAt, locale) : '—'}</Td>
              <Td className="max-w-64 text-xs break-words">{m.lastError ?? '—'}</Td>
              <Td>
                {canResendMail(m.status) ? (
                  <ActionButton
                    action={resendMailAction}
                    input={{ id: m.id }}
                    label={t('resend')}
                    accessibleLabel={`${t('resend')}：${m.toAddress}`}
                    done={t('resent')}
                    variant="secondary"
                  />
                ) : null}
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
