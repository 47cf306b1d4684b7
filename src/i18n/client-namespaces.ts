import type catalogue from '../../messages/zh-CN.json';

/** A top-level key of the message catalogue (messages/zh-CN.json; en.json has the same keys). */
export type Namespace = keyof typeof catalogue;

// The messages the browser gets (issue 10). Server components translate on the server with the whole catalogue; only
// client code ('use client' modules and what they import) needs messages shipped to it, and next-intl serialises
// whatever its provider holds into the page. Handing it the whole catalogue cost every page about 190 KB of HTML.
//
// So the root layout provides SHELL, and a route directory listed below provides more through its layout.tsx
// (`export default messagesLayout('<route>')`, or <ClientMessages route="<route>"> around all the layout renders;
// src/i18n/client-messages.tsx). A nested provider adds to what the providers above it hold, so a page has SHELL and
// the lists of its directory and of every listed directory above it, each sent once.
//
// tests/unit/client-messages.test.ts follows each page's imports to the client components it renders and fails when
// one of them translates with a namespace its route is not given, naming the page, the file and the namespace; it
// also fails for a listed namespace that no page under the route uses. Add to the list of the page's own directory
// (creating its key and one-line layout.tsx if it has none), not to a parent the page shares with lighter siblings.

/** What client code rendered on any page uses: the error boundary (src/app/error.tsx) sits above every route's list. */
export const SHELL = ['errorPage'] as const satisfies readonly Namespace[];

/**
 * Per route directory under src/app, the namespaces its client components use beyond those of the listed
 * directories above it. Most pages of a role (its home, its lists) render no translated client component and get
 * none, which is why there is no list per role: a form page's `errors` alone is 27 KB.
 */
export const CLIENT_NAMESPACES = {
  // (account)
  '(account)/account': ['account', 'common', 'errors'],
  '(account)/inbox': ['errors'],
  '(account)/jobs': ['jobs'],
  '(account)/jobs/[id]': ['errors'],
  // (portal)/admin
  '(portal)/admin/audit': ['audit'],
  '(portal)/admin/institutions': ['common', 'enums', 'errors', 'institutions'],
  '(portal)/admin/security': ['common', 'errors', 'security'],
  '(portal)/admin/users': ['common', 'enums', 'errors', 'users'],
  // (portal)/commission
  '(portal)/commission/announcements': ['announcements', 'errors'],
  '(portal)/commission/calls/[id]': ['calls', 'common', 'errors', 'imports'],
  '(portal)/commission/calls/new': ['calls', 'common', 'errors'],
  '(portal)/commission/challenges/[id]': ['calls', 'challenges', 'common', 'errors'],
  '(portal)/commission/challenges/new': ['calls', 'challenges', 'common', 'errors'],
  '(portal)/commission/committee': ['committee', 'enums', 'errors'],
  '(portal)/commission/committee/meetings': ['pdfUpload', 'strategy'],
  '(portal)/commission/committee/reports': ['pdfUpload', 'strategy'],
  '(portal)/commission/credit': ['common', 'credit', 'errors'],
  '(portal)/commission/decisions/[callId]': ['common', 'decisions', 'enums', 'errors', 'jobs'],
  '(portal)/commission/experts': ['common', 'enums', 'errors', 'experts', 'imports'],
  '(portal)/commission/formal-check': ['jobs'],
  '(portal)/commission/formal-check/[id]': ['errors', 'formalCheck'],
  '(portal)/commission/formal-check/reasons': ['common', 'errors', 'formalCheck'],
  '(portal)/commission/mail': ['errors'],
  '(portal)/commission/notices': ['common', 'errors', 'notices'],
  '(portal)/commission/panels': ['common', 'errors', 'panels'],
  '(portal)/commission/panels/[meetingId]': ['enums', 'roles'],
  '(portal)/commission/platforms/[platformId]': ['common', 'enums', 'errors', 'pdfUpload', 'platforms'],
  '(portal)/commission/programs': ['common', 'errors', 'programs'],
  '(portal)/commission/programs/[id]': ['enums', 'rules'],
  '(portal)/commission/projects': ['jobs'],
  '(portal)/commission/projects/[projectId]': ['common', 'errors', 'projects'],
  '(portal)/commission/projects/[projectId]/acceptance': ['enums', 'projectLifecycle'],
  '(portal)/commission/projects/[projectId]/changes': ['enums', 'projectLifecycle'],
  '(portal)/commission/projects/[projectId]/checks': ['enums', 'projectLifecycle'],
  '(portal)/commission/races': ['projectLifecycle'],
  '(portal)/commission/races/[roundId]': ['errors'],
  '(portal)/commission/review/[callId]': ['common', 'errors', 'jobs', 'review'],
  // (portal)/committee
  '(portal)/committee/meetings/[meetingId]': ['errors', 'strategy'],
  '(portal)/committee/panels/[meetingId]': ['common', 'enums', 'errors', 'panels', 'roles'],
  '(portal)/committee/topics/[topicId]': ['committee', 'errors'],
  // (portal)/enterprise
  '(portal)/enterprise/challenges/[id]': ['calls', 'challenges', 'common', 'errors'],
  '(portal)/enterprise/challenges/new': ['calls', 'challenges', 'common', 'errors'],
  '(portal)/enterprise/projects/[projectId]': ['common', 'errors', 'projects'],
  '(portal)/enterprise/topics': ['committee', 'enums', 'errors'],
  // (portal)/office
  '(portal)/office/applications/[callId]': ['common', 'enums', 'errors', 'vetting'],
  '(portal)/office/platforms/[platformId]': ['common', 'enums', 'errors', 'pdfUpload', 'platforms'],
  '(portal)/office/platforms/apply': ['errors', 'platformApply'],
  '(portal)/office/platforms/apply/[id]': ['applications', 'common', 'pdfUpload'],
  '(portal)/office/projects/[projectId]': ['common', 'errors', 'projects'],
  '(portal)/office/projects/[projectId]/changes': ['enums', 'projectLifecycle'],
  '(portal)/office/topics': ['committee', 'enums', 'errors'],
  // (portal)/researcher
  '(portal)/researcher/applications': ['applications'],
  '(portal)/researcher/applications/[id]': ['common', 'errors', 'pdfUpload'],
  '(portal)/researcher/platforms/[platformId]': ['common', 'enums', 'errors', 'pdfUpload', 'platforms'],
  '(portal)/researcher/profile': ['common', 'enums', 'errors', 'profile'],
  '(portal)/researcher/projects/[projectId]': ['enums', 'errors', 'projects'],
  '(portal)/researcher/projects/[projectId]/acceptance': ['projectLifecycle'],
  '(portal)/researcher/projects/[projectId]/changes': ['common', 'projectLifecycle'],
  '(portal)/researcher/projects/[projectId]/checks': ['projectLifecycle'],
  '(portal)/researcher/talent': ['common', 'errors', 'pdfUpload', 'talent'],
  '(portal)/researcher/topics': ['committee', 'enums', 'errors'],
  // (portal)/reviewer
  '(portal)/reviewer/assignments/[id]': ['enums', 'errors', 'reviewer'],
  '(portal)/reviewer/mentoring/[assignmentId]': ['enums', 'errors', 'projects'],
  '(portal)/reviewer/panels/[meetingId]': ['common', 'enums', 'errors', 'panels', 'roles'],
  '(portal)/reviewer/profile': ['common', 'errors', 'expertProfile'],
  // (public)
  '(public)/login': ['errors', 'login'],
  '(public)/notices/[noticeId]': ['errors', 'notices'],
} as const satisfies Record<string, readonly Namespace[]>;

export type ClientRoute = keyof typeof CLIENT_NAMESPACES;

/** What a route's client code has: SHELL and the lists of `route` and of its listed ancestors. */
export function namespacesFor(route: string): Set<Namespace> {
  const found = new Set<Namespace>(SHELL);
  for (const [key, list] of Object.entries(CLIENT_NAMESPACES) as [string, readonly Namespace[]][]) {
    if (route === key || route.startsWith(`${key}/`)) for (const ns of list) found.add(ns);
  }
  return found;
}
