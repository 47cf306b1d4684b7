import 'server-only';
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { smtpFailure } from '@/domain/notify/notifications';
import { db } from '../db';
import { env } from '../env';

// Sends one outbox row (the mail-send job's handler). The claim — QUEUED|FAILED → SENDING in one UPDATE — is what
// makes a job run twice, two instances, or a retry after success send nothing: only the claimant sends. A crash
// between the SMTP server's acceptance and SENT leaves the row in SENDING; the reminder sweep then marks it FAILED
// as uncertain (at most once: staff may resend after checking), never re-sends it on its own.

type Transport = { kind: 'smtp' | 'file'; transporter: Transporter };
const globalForMail = globalThis as unknown as { jingyanMail?: { key: string; transport: Transport } };

function transport(): Transport {
  const { SMTP_URL, MAIL_DIR } = env();
  const key = SMTP_URL ?? `file:${MAIL_DIR}`;
  if (globalForMail.jingyanMail?.key === key) return globalForMail.jingyanMail.transport;
  const made: Transport = SMTP_URL
    ? { kind: 'smtp', transporter: nodemailer.createTransport(SMTP_URL) }
    : { kind: 'file', transporter: nodemailer.createTransport({ streamTransport: true, buffer: true }) };
  globalForMail.jingyanMail = { key, transport: made };
  return made;
}

/** How mail leaves this instance, for the staff page: an SMTP host, or the directory of .eml files. */
export function mailTransportDescription(): { kind: 'smtp' | 'file'; where: string } {
  const { SMTP_URL, MAIL_DIR } = env();
  if (SMTP_URL) {
    const u = new URL(SMTP_URL);
    return { kind: 'smtp', where: `${u.protocol}//${u.host}` };
  }
  return { kind: 'file', where: path.resolve(MAIL_DIR) };
}

export type DeliveryOutcome = 'SENT' | 'BOUNCED' | 'SKIPPED';

/** Sends the row if this call wins the claim. Throws on a transient failure so that the queue retries it. */
export async function deliverMail(outboxId: string): Promise<DeliveryOutcome> {
  const client = db();
  const [row] = await client.$queryRaw<{ id: string; toAddress: string; subject: string; textBody: string }[]>`
    update "EmailOutbox" set status = 'SENDING', attempts = attempts + 1, "updatedAt" = now()
     where id = ${outboxId}::uuid and status in ('QUEUED', 'FAILED')
    returning id, "toAddress", subject, "textBody"`;
  if (!row) return 'SKIPPED';
  const { kind, transporter } = transport();
  const messageId = `<${row.id}@jingyan>`;
  try {
    const info = await transporter.sendMail({
      from: env().MAIL_FROM,
      to: row.toAddress,
      subject: row.subject,
      text: row.textBody,
      messageId,
    });
    if (kind === 'file') {
      const dir = path.resolve(env().MAIL_DIR);
      mkdirSync(dir, { recursive: true });
      await writeFile(path.join(dir, `${row.id}.eml`), info.message as Buffer);
    }
    await client.emailOutbox.update({
      where: { id: row.id },
      data: { status: 'SENT', sentAt: new Date(), smtpMessageId: info.messageId ?? messageId, lastError: null },
    });
    return 'SENT';
  } catch (error) {
    const e = error as { responseCode?: number; code?: string; message?: string; response?: string };
    const outcome = smtpFailure(e);
    const lastError = (e.response ?? e.message ?? String(error)).slice(0, 500);
    await client.emailOutbox.update({
      where: { id: row.id },
      data: { status: outcome === 'BOUNCED' ? 'BOUNCED' : 'FAILED', lastError },
    });
    if (outcome === 'BOUNCED') return 'BOUNCED';
    throw error;
  }
}

/** Rows left in SENDING longer than `olderThanMs` (the sending instance died): FAILED, marked as uncertain. */
export async function releaseStuckMail(now: Date = new Date(), olderThanMs = 15 * 60_000): Promise<number> {
  const r = await db().emailOutbox.updateMany({
    where: { status: 'SENDING', updatedAt: { lt: new Date(now.getTime() - olderThanMs) } },
    data: { status: 'FAILED', lastError: 'uncertain: the sending instance stopped before the result was recorded' },
  });
  return r.count;
}
