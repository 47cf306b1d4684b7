import { messagesLayout } from '@/i18n/client-messages';

export default messagesLayout('(public)/notices/[noticeId]');
