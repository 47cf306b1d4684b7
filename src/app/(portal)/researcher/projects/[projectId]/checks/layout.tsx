import { messagesLayout } from '@/i18n/client-messages';

export default messagesLayout('(portal)/researcher/projects/[projectId]/checks');
