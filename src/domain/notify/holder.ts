// Who is told about an application: a pure rule of the notification policy (used by reminders, returns, decisions).

/**
 * Who holds an application, for being told about it, and where they act on it: the PI on their application page; for
 * a platform, the office user who started it (the institution applies), on the office's platform page.
 */
export function applicationHolder(app: {
  id: string;
  kind: 'PROJECT' | 'PLATFORM';
  applicantId: string;
  createdById: string | null;
}): { recipientId: string; link: string } {
  return app.kind === 'PLATFORM'
    ? { recipientId: app.createdById ?? app.applicantId, link: `/office/platforms/apply/${app.id}` }
    : { recipientId: app.applicantId, link: `/researcher/applications/${app.id}` };
}

/**
 * Who is reminded that a call is about to close, for one unsubmitted application: its holder (who submits it), and
 * for a project the team members who have not yet confirmed taking part (an unconfirmed team cannot be submitted).
 * A person reached through several applications of the call is reminded once (the caller keeps the first).
 */
export function deadlineReminderRecipients(app: {
  id: string;
  kind: 'PROJECT' | 'PLATFORM';
  applicantId: string;
  createdById: string | null;
  members: readonly { userId: string; confirmation: 'PENDING' | 'CONFIRMED' | 'DECLINED' }[];
}): { recipientId: string; link: string; role: 'holder' | 'member' }[] {
  const holder = applicationHolder(app);
  const members =
    app.kind === 'PROJECT'
      ? app.members
          .filter((m) => m.confirmation === 'PENDING' && m.userId !== holder.recipientId)
          .map((m) => ({ recipientId: m.userId, link: `/researcher/applications/${app.id}`, role: 'member' as const }))
      : [];
  return [{ ...holder, role: 'holder' as const }, ...members];
}
