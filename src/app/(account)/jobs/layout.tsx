import { messagesLayout } from '@/i18n/client-messages';

export default messagesLayout('(account)/jobs');
