import { roleLayout } from '@/components/shell/role-layout';

export default roleLayout(['INSTITUTION_OFFICE']);
