import { roleLayout } from '@/components/shell/role-layout';

export default roleLayout(['RESEARCHER']);
