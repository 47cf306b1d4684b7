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
