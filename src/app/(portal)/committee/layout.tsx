import { roleLayout } from '@/components/shell/role-layout';

export default roleLayout(['COMMITTEE_MEMBER']);
