import { z } from 'zod';
import { zBeijingDateTime } from './calls';
import { msg } from './messages';
import { zOptionalText, zRequiredText, zUuid, zVersion } from './common';

// 年度战略会议与咨询报告 (issue 7). The agenda is JSON of items; the server checks the linked topics against the
// term (src/domain/committee/meeting.ts).

const zCount = z.number({ error: 'number' }).int({ error: 'integer' }).min(0, { error: 'integer' });

/** An optional id from a form: '' or absent is none. */
const zOptionalId = z
  .union([z.literal(''), zUuid])
  .nullable()
  .optional()
  .transform((v) => v || null);

export const ZAgendaItem = z.object({
  title: zRequiredText(200),
  /** Topics (选题) of the meeting's term this item takes up. */
  topicIds: z.array(zUuid).max(20, { error: msg('tooMany', { max: 20 }) }),
  note: zOptionalText(1000),
});
export const ZAgenda = z
  .array(ZAgendaItem)
  .min(1, { error: 'required' })
  .max(30, { error: msg('tooMany', { max: 30 }) });
export type TAgendaItem = z.input<typeof ZAgendaItem>;

export const ZCreateMeeting = z.object({
  title: zRequiredText(120),
  heldAt: zBeijingDateTime,
  location: zOptionalText(200),
  agenda: ZAgenda,
});
export type TCreateMeeting = z.input<typeof ZCreateMeeting>;

export const ZMeetingRef = z.object({ meetingId: zUuid, version: zVersion });

export const ZUpdateAgenda = z.object({ meetingId: zUuid, version: zVersion, agenda: ZAgenda });
export type TUpdateAgenda = z.input<typeof ZUpdateAgenda>;

/** Who is invited (user ids of the term's members); replaces the list while the meeting is planned. */
export const ZSetInvitees = z.object({
  meetingId: zUuid,
  version: zVersion,
  userIds: z.array(zUuid).max(200),
});
export type TSetInvitees = z.input<typeof ZSetInvitees>;

/** A material: an uploaded PDF (POST /api/files, purpose MEETING_MATERIAL) with the title members see. */
export const ZAddMaterial = z.object({
  meetingId: zUuid,
  title: zRequiredText(200),
  fileId: zUuid,
});
export type TAddMaterial = z.input<typeof ZAddMaterial>;

export const ZRemoveMaterial = z.object({ materialId: zUuid });

/** Holding the meeting records who attended (user ids of the invited members present). */
export const ZHoldMeeting = z.object({ meetingId: zUuid, version: zVersion, attended: z.array(zUuid).max(200) });

export const ZRecordOpinion = z.object({
  meetingId: zUuid,
  /** Staff record on a member's behalf; a member records their own (omit). */
  memberUserId: zUuid.optional(),
  /** The agenda topic the opinion is on, if any. */
  topicProposalId: zOptionalId,
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

const reportFields = {
  meetingId: zOptionalId,
  title: zRequiredText(120),
  body: zRequiredText(50_000),
  /** An uploaded PDF (POST /api/files, purpose CONSULTATION_REPORT). */
  fileId: zOptionalId,
};
export const ZDraftReport = z.object(reportFields);
export type TDraftReport = z.input<typeof ZDraftReport>;

export const ZUpdateReport = z.object({ reportId: zUuid, version: zVersion, ...reportFields });
export type TUpdateReport = z.input<typeof ZUpdateReport>;

export const ZReportRef = z.object({ reportId: zUuid, version: zVersion });
