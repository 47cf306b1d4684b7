import { z } from 'zod';
import { EXPORT_KINDS } from '@/domain/exports';
import { zUuid } from './common';

export const ZJobId = z.object({ id: zUuid });

export const ZImportExperts = z.object({ file: z.instanceof(File, { error: 'required' }) });

/** A background export: the list, the format and the page's filters (ids as typed in the address bar). */
export const ZStartExport = z.object({
  kind: z.enum(EXPORT_KINDS, { error: 'invalid' }),
  format: z.enum(['xlsx', 'csv'], { error: 'invalid' }).default('xlsx'),
  filters: z
    .object({
      callId: z.string().max(64).optional(),
      institutionId: z.string().max(64).optional(),
      status: z.string().max(64).optional(),
      programId: z.string().max(64).optional(),
      discipline: z.string().max(16).optional(),
      age: z.string().max(16).optional(),
    })
    .default({}),
});
