import { z } from 'zod';
import { zRequiredText, zUuid, zVersion } from './common';

export const ZCreateAnnouncement = z.object({
  title: zRequiredText(120),
  body: zRequiredText(10_000),
  publish: z.boolean().default(false),
});
export type TCreateAnnouncement = z.input<typeof ZCreateAnnouncement>;

export const ZAnnouncementTransition = z.object({ id: zUuid, version: zVersion });
