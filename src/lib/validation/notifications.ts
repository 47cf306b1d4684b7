import { z } from 'zod';
import { zUuid } from './common';

/** One notification or outbox row, by id. */
export const ZNotificationRef = z.object({ id: zUuid });
export const ZNoInput = z.object({}).strict();
