import { describe, expect, it } from 'vitest';
import {
  canResendMail,
  deadlineReminderDue,
  dedupeKeyFor,
  hoursLeft,
  NOTIFICATION_KINDS,
  retryDelays,
  smtpFailure,
} from '@/domain/notify/notifications';

const closes = new Date('2027-03-31T09:00:00Z'); // 17:00 Beijing
const before = (ms: number) => new Date(closes.getTime() - ms);
const H = 3_600_000;
const D = 24 * H;

describe('deadline reminders', () => {
  it('is silent more than seven days out', () => {
    expect(deadlineReminderDue(closes, before(7 * D + 1))).toBeNull();
    expect(deadlineReminderDue(closes, before(30 * D))).toBeNull();
  });
  it('sends the 7-day reminder from seven days out down to one day', () => {
    expect(deadlineReminderDue(closes, before(7 * D))).toBe('DEADLINE_7D');
    expect(deadlineReminderDue(closes, before(3 * D))).toBe('DEADLINE_7D');
    expect(deadlineReminderDue(closes, before(D + 1))).toBe('DEADLINE_7D');
  });
  it('sends the 1-day reminder in the last day, and nothing once closed', () => {
    expect(deadlineReminderDue(closes, before(D))).toBe('DEADLINE_1D');
    expect(deadlineReminderDue(closes, before(1))).toBe('DEADLINE_1D');
    expect(deadlineReminderDue(closes, closes)).toBeNull();
    expect(deadlineReminderDue(closes, new Date(closes.getTime() + H))).toBeNull();
  });
  it('counts whole hours left, never zero while open', () => {
    expect(hoursLeft(closes, before(D))).toBe(24);
    expect(hoursLeft(closes, before(90 * 60_000))).toBe(2);
    expect(hoursLeft(closes, before(1))).toBe(1);
  });
});

describe('dedupe keys', () => {
  it('is the same for the same event and person, different otherwise', () => {
    const a = dedupeKeyFor('DEADLINE_1D', 'call-1', 'user-1');
    expect(a).toBe(dedupeKeyFor('DEADLINE_1D', 'call-1', 'user-1'));
    expect(a).not.toBe(dedupeKeyFor('DEADLINE_7D', 'call-1', 'user-1'));
    expect(a).not.toBe(dedupeKeyFor('DEADLINE_1D', 'call-2', 'user-1'));
    expect(a).not.toBe(dedupeKeyFor('DEADLINE_1D', 'call-1', 'user-2'));
  });
  it('separates deliberate repeats by round', () => {
    expect(dedupeKeyFor('REVIEW_REMINDER', 'a', 'u', 1)).not.toBe(dedupeKeyFor('REVIEW_REMINDER', 'a', 'u', 2));
    expect(dedupeKeyFor('REVIEW_REMINDER', 'a', 'u', 0)).not.toBe(dedupeKeyFor('REVIEW_REMINDER', 'a', 'u'));
  });
});

describe('sending', () => {
  it('backs off by doubling from 30 s, five retries', () => {
    expect(retryDelays()).toEqual([30, 60, 120, 240, 480]);
    expect(retryDelays({ retryLimit: 2, retryDelaySeconds: 1 })).toEqual([1, 2]);
  });
  it('treats a 5xx reply as a bounce and anything else as worth retrying', () => {
    expect(smtpFailure({ responseCode: 550 })).toBe('BOUNCED');
    expect(smtpFailure({ responseCode: 554 })).toBe('BOUNCED');
    expect(smtpFailure({ responseCode: 451 })).toBe('RETRY');
    expect(smtpFailure({ responseCode: 421 })).toBe('RETRY');
    expect(smtpFailure({ code: 'ECONNREFUSED' })).toBe('RETRY');
    expect(smtpFailure({})).toBe('RETRY');
  });
  it('lets staff resend only what failed or bounced', () => {
    expect(canResendMail('FAILED')).toBe(true);
    expect(canResendMail('BOUNCED')).toBe(true);
    expect(canResendMail('SENT')).toBe(false);
    expect(canResendMail('QUEUED')).toBe(false);
    expect(canResendMail('SENDING')).toBe(false);
  });
});

describe('templates', () => {
  const params = {
    callTitle: '2027 年度一般项目',
    code: 'JY2027-GEN-0001',
    dueAt: '2027-05-01 17:00:00',
    title: '存算一体芯片',
    comment: '预算说明不充分',
    outcome: 'FUND',
    ordinal: 2,
    amountWan: '40.00',
    closesAt: '2027-03-31 17:00:00',
    hours: 20,
    noticeTitle: '2027 年度立项公示',
    heldAt: '2027-06-01 09:00:00',
  };
  it('every kind has a title and a body in Chinese and English, with its values filled in', async () => {
    const { renderNotification } = await import('@/server/notify/render');
    for (const kind of NOTIFICATION_KINDS) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const { title, body } = renderNotification(kind, params, locale);
        expect(title.length, `${kind} ${locale}`).toBeGreaterThan(3);
        expect(`${title}${body}`, `${kind} ${locale}`).not.toMatch(/[{}]|notifications\./);
      }
    }
    expect(renderNotification('DECISION_PUBLISHED', params, 'zh-CN').body).toContain('拟予资助');
    expect(renderNotification('DECISION_PUBLISHED', { ...params, outcome: 'REJECT' }, 'en').body).toContain(
      'not funded',
    );
    expect(renderNotification('DEADLINE_1D', params, 'zh-CN').body).toContain('剩余约 20 小时');
    expect(renderNotification('DEADLINE_7D', { ...params, role: 'holder' }, 'zh-CN').body).toContain('未提交的申报书');
    expect(renderNotification('DEADLINE_7D', { ...params, role: 'member' }, 'zh-CN').body).toContain(
      '尚未确认是否参与',
    );
    expect(renderNotification('DEADLINE_1D', { ...params, role: 'member' }, 'en').body).toContain('not confirmed');
  });
  it('an e-mail carries the link and says where it came from, in the reader’s language', async () => {
    const { renderMail } = await import('@/server/notify/render');
    const zh = renderMail('TRANCHE_PAID', params, 'zh-CN', 'https://jingyan.example.cn/x');
    expect(zh.subject).toBe('[京研] 经费已拨付：JY2027-GEN-0001');
    expect(zh.text).toContain('https://jingyan.example.cn/x');
    expect(zh.text).toContain('请勿直接回复');
    const en = renderMail('TRANCHE_PAID', params, 'en', 'https://jingyan.example.cn/x');
    expect(en.subject).toBe('[Jingyan] Funds paid: JY2027-GEN-0001');
    // Anything but English reads Chinese.
    expect(renderMail('TRANCHE_PAID', params, 'fr', 'https://x.cn').subject).toBe(zh.subject);
  });
});

describe('who holds an application', () => {
  it('is the PI for a project, the office user who started it for a platform', async () => {
    const { applicationHolder } = await import('@/domain/notify/holder');
    expect(applicationHolder({ id: 'a', kind: 'PROJECT', applicantId: 'pi', createdById: 'pi' })).toEqual({
      recipientId: 'pi',
      link: '/researcher/applications/a',
    });
    expect(applicationHolder({ id: 'b', kind: 'PLATFORM', applicantId: 'director', createdById: 'office' })).toEqual({
      recipientId: 'office',
      link: '/office/platforms/apply/b',
    });
    // A platform application made before createdById was recorded falls back to its director.
    expect(
      applicationHolder({ id: 'c', kind: 'PLATFORM', applicantId: 'director', createdById: null }).recipientId,
    ).toBe('director');
  });
});

describe('who is reminded of a deadline', () => {
  it('the holder, and for a project the members who have not confirmed (not the holder twice)', async () => {
    const { deadlineReminderRecipients } = await import('@/domain/notify/holder');
    const members = [
      { userId: 'm1', confirmation: 'PENDING' as const },
      { userId: 'm2', confirmation: 'CONFIRMED' as const },
      { userId: 'm3', confirmation: 'DECLINED' as const },
      { userId: 'pi', confirmation: 'PENDING' as const },
    ];
    expect(
      deadlineReminderRecipients({ id: 'a', kind: 'PROJECT', applicantId: 'pi', createdById: 'pi', members }),
    ).toEqual([
      { recipientId: 'pi', link: '/researcher/applications/a', role: 'holder' },
      { recipientId: 'm1', link: '/researcher/applications/a', role: 'member' },
    ]);
    // A platform's team is the institution's: the office that holds it is reminded, not its members.
    expect(
      deadlineReminderRecipients({ id: 'b', kind: 'PLATFORM', applicantId: 'd', createdById: 'office', members }),
    ).toEqual([{ recipientId: 'office', link: '/office/platforms/apply/b', role: 'holder' }]);
  });
});
