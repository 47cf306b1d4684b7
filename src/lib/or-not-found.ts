import { notFound } from 'next/navigation';
import { DomainError } from '@/lib/errors';

/** A record outside the actor's scope answers NOT_FOUND from the module; the page shows the 404 page for it. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (e) {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}
