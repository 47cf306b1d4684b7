import { z } from 'zod';
import { PANEL_VOTES } from '@/domain/panel/pass-rule';
import { parseBeijingDateTime } from '@/domain/time';
import { zOptionalText, zRequiredText, zUuid, zVersion } from './common';
import { zBeijingDateTime } from './calls';
import { msg } from './messages';

// 会议评审 (issue 6): the staff's meeting set-up, the run of the meeting (staff or the chair), members' votes and the
// minutes. Times are Beijing wall-clock from datetime-local inputs.

const zOnlineUrl = zOptionalText(500).refine((s) => s === null || /^https?:\/\/\S+$/i.test(s), {
  error: 'panelOnlineUrl',
});

export const ZCreatePanelMeeting = z
  .object({
    callId: zUuid,
    title: zRequiredText(200),
    startsAt: zBeijingDateTime,
    endsAt: zBeijingDateTime,
    location: zOptionalText(200),
    onlineUrl: zOnlineUrl,
  })
  .refine((m) => m.endsAt.getTime() > m.startsAt.getTime(), { error: 'panelEndsBeforeStart', path: ['endsAt'] })
  // A meeting is held somewhere: a room, a video link, or both.
  .refine((m) => m.location !== null || m.onlineUrl !== null, { error: 'panelPlaceRequired', path: ['location'] });
export type TCreatePanelMeeting = z.input<typeof ZCreatePanelMeeting>;

export const PANEL_MEMBER_ROLES = ['CHAIR', 'MEMBER'] as const;

export const ZAddPanelMember = z.object({
  meetingId: zUuid,
  userId: zUuid,
  role: z.enum(PANEL_MEMBER_ROLES, { error: 'required' }),
});
export type TAddPanelMember = z.input<typeof ZAddPanelMember>;

export const ZRemovePanelMember = z.object({ meetingId: zUuid, memberId: zUuid });
export const ZBuildPanelAgenda = z.object({ meetingId: zUuid });

/** Sets the 答辩 slot; an empty field clears it. */
export const ZSetDefenceSlot = z.object({
  itemId: zUuid,
  version: zVersion,
  defenceAt: z
    .string({ error: 'invalid' })
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (!s) return null;
      const d = parseBeijingDateTime(s);
      if (!d) {
        ctx.addIssue({ code: 'custom', message: 'dateTime' });
        return z.NEVER;
      }
      return d;
    }),
});
export type TSetDefenceSlot = z.input<typeof ZSetDefenceSlot>;

export const ZMovePanelItem = z.object({ itemId: zUuid, direction: z.enum(['UP', 'DOWN'], { error: 'invalid' }) });

/** start / close a meeting, with the version the page was loaded with. */
export const ZPanelMeetingStep = z.object({ meetingId: zUuid, version: zVersion });

export const ZSetAttendance = z.object({
  meetingId: zUuid,
  memberId: zUuid,
  attended: z.boolean({ error: 'invalid' }),
});

/** open / close the vote of / skip an agenda item. */
export const ZPanelItemStep = z.object({ itemId: zUuid, version: zVersion });

const SCORE_RANGE = msg('between', { min: 0, max: 100 });

export const ZCastPanelVote = z.object({
  itemId: zUuid,
  vote: z.enum(PANEL_VOTES, { error: 'panelVoteRequired' }),
  /** Optional 0–100 with at most two decimals (PanelVote.score is numeric(6,2)). */
  score: z
    .number({ error: 'number' })
    .min(0, { error: SCORE_RANGE })
    .max(100, { error: SCORE_RANGE })
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, { error: 'panelScoreDecimals' })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  comment: zOptionalText(1000),
});
export type TCastPanelVote = z.input<typeof ZCastPanelVote>;

export const ZSavePanelMinutes = z.object({
  meetingId: zUuid,
  /** The minutes' version the form holds; 0 when none are written yet. */
  version: zVersion,
  body: zRequiredText(20_000),
});
export type TSavePanelMinutes = z.input<typeof ZSavePanelMinutes>;

export const ZApprovePanelMinutes = z.object({ meetingId: zUuid, version: zVersion });
