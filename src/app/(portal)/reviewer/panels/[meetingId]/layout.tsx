import { messagesLayout } from '@/i18n/client-messages';

export default messagesLayout('(portal)/reviewer/panels/[meetingId]');
