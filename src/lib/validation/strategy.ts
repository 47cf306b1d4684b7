import { z } from 'zod';
import { zBeijingDateTime } from './calls';
import { zOptionalText, zRequiredText, zUuid, zVersion } from './common';

// 年度战略会议与咨询报告 (issue 7).

const zCount = z.number({ error: 'number' }).int({ error: 'integer' }).min(0, { error: 'integer' });

export const ZCreateMeeting = z.object({
  title: zRequiredText(120),
  heldAt: zBeijingDateTime,
  location: zOptionalText(200),
  /** One agenda item per line. */
  agenda: zRequiredText(4000),
});
export type TCreateMeeting = z.input<typeof ZCreateMeeting>;

export const ZMeetingRef = z.object({ meetingId: zUuid, version: zVersion });

/** Holding the meeting records who attended (user ids of the invited members present). */
export const ZHoldMeeting = z.object({ meetingId: zUuid, version: zVersion, attended: z.array(zUuid).max(200) });

export const ZRecordOpinion = z.object({
  meetingId: zUuid,
  /** Staff record on a member's behalf; a member records their own (omit). */
  memberUserId: zUuid.optional(),
  body: zRequiredText(4000),
});
export type TRecordOpinion = z.input<typeof ZRecordOpinion>;

export const ZRecordResolution = z.object({
  meetingId: zUuid,
  text: zRequiredText(2000),
  votesFor: zCount,
  votesAgainst: zCount,
  votesAbstain: zCount,
});
export type TRecordResolution = z.input<typeof ZRecordResolution>;

export const ZDraftReport = z.object({
  meetingId: z
    .union([z.literal(''), zUuid])
    .optional()
    .transform((v) => v || null),
  title: zRequiredText(120),
  body: zRequiredText(50_000),
});
export type TDraftReport = z.input<typeof ZDraftReport>;

export const ZReportRef = z.object({ reportId: zUuid, version: zVersion });
