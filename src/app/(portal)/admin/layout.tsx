import { roleLayout } from '@/components/shell/role-layout';

export default roleLayout(['SYSTEM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN']);
