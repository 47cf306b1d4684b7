'use server';
import { revalidatePath } from 'next/cache';
import { ZMentoringEntry } from '@/lib/validation/projects';
import { db } from '@/server/db';
import { addMentoringEntry } from '@/server/projects/mentoring';
import { runAction } from '@/server/run-action';

// The responsible expert's log (护航记录): only on their own active assignment.
export async function addMentoringEntryAction(input: unknown) {
  const r = await runAction(ZMentoringEntry, input, (actor, data) => addMentoringEntry(db(), actor, data));
  if (r.ok) revalidatePath('/reviewer/mentoring', 'layout');
  return r;
}
