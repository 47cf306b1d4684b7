import { roleLayout } from '@/components/shell/role-layout';

export default roleLayout(['COMMISSION_STAFF']);
