import type { Role } from '@/domain/auth/roles';

/** Who is acting: built from the session row on every request, never from client input. */
export interface Actor {
  userId: string;
  sessionId: string | null;
  name: string;
  email: string;
  locale: 'zh-CN' | 'en';
  /** The active role; permissions are checked against it alone. */
  role: Role;
  /** The institution the active role is scoped to (research office, enterprise), else null. */
  institutionId: string | null;
  /** Every role the person holds, for the role switcher. */
  roles: { role: Role; institutionId: string | null; institutionName: string | null }[];
  ip: string | null;
  /** First login or after an administrator's reset: the portal sends them to change it first. */
  mustChangePassword: boolean;
}
