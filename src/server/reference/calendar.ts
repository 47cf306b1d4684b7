// The official working calendar's exceptions (CalendarDay): holidays and the weekend days moved to work (调休上班),
// loaded from the State Council's yearly notice (prisma/reference/calendar/). Notice periods count working days with it.
import type { CalendarException } from '@/domain/decision/notice';
import type { DbOrTx } from '../db';

export interface CalendarFile {
  source: string;
  year: number;
  days: { date: string; kind: 'HOLIDAY' | 'WORKDAY'; name: string }[];
}

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Loads one year's exceptions; days already present are kept (returns whether anything was added). */
export async function importCalendar(client: DbOrTx, file: CalendarFile): Promise<{ created: boolean }> {
  const result = await client.calendarDay.createMany({
    data: file.days.map((d) => ({ date: asDate(d.date), kind: d.kind, name: d.name })),
    skipDuplicates: true,
  });
  return { created: result.count > 0 };
}

/** The exceptions between two dates (inclusive, YYYY-MM-DD), as the pure notice rules take them. */
export async function calendarExceptions(client: DbOrTx, from: string, to: string): Promise<CalendarException[]> {
  const rows = await client.calendarDay.findMany({
    where: { date: { gte: asDate(from), lte: asDate(to) } },
    orderBy: { date: 'asc' },
  });
  return rows.map((r) => ({ date: r.date.toISOString().slice(0, 10), kind: r.kind }));
}
