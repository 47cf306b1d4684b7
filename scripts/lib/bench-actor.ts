import type { Actor } from '../../src/server/auth/actor';

/** The demo's commission staff member as the benchmarks act (no session: they call server modules directly). */
export function benchStaffActor(userId: string): Actor {
  return {
    userId,
    sessionId: null,
    name: 'bench',
    email: 'staff@demo.jingyan.cn',
    locale: 'zh-CN',
    role: 'COMMISSION_STAFF',
    institutionId: null,
    roles: [],
    ip: null,
    mustChangePassword: false,
  };
}
