// A Prisma client for scripts (seed, audit verification, tests' setup), outside the app's env() and singleton.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../src/generated/prisma/client';
import type { Db } from '../../src/server/db';

export function scriptClient(url: string, max = 4): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }) });
}
