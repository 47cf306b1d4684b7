import { ProposeTopicsPage } from '@/components/committee/propose-topics-page';

export default ProposeTopicsPage;
