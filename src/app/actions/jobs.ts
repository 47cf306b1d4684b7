'use server';
import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import type { ActionResult } from '@/lib/errors';
import { formField } from '@/lib/form-field';
import { ZImportExperts, ZJobId, ZStartExport } from '@/lib/validation/jobs';
import { db } from '@/server/db';
import { startBackgroundExport } from '@/server/exports/background-export';
import { startExpertImport } from '@/server/imports/expert-import';
import { cancelJob } from '@/server/jobs/job-runs';
import { runAction } from '@/server/run-action';

/** 专家导入: stores the sheet and starts the background job; the page then follows the job. */
export async function importExpertsAction(form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(ZImportExperts, { file: formField(form, 'file') }, async (actor, data) =>
    startExpertImport(db(), actor, { filename: data.file.name, bytes: Buffer.from(await data.file.arrayBuffer()) }),
  );
}

/** 后台导出: the list with the page's filters, made into a file by a background job. */
export async function startExportAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const locale = await getLocale();
  return runAction(ZStartExport, input, (actor, data) => startBackgroundExport(db(), actor, { ...data, locale }));
}

export async function cancelJobAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZJobId, input, (actor, data) => cancelJob(db(), actor, data.id));
  if (r.ok) revalidatePath(`/jobs/${r.data.id}`);
  return r;
}
