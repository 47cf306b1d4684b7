import { messagesLayout } from '@/i18n/client-messages';

export default messagesLayout('(portal)/office/platforms/apply/[id]');
