// A real SMTP server process for the mail tests (started by tests/support/smtp-sink.ts) (smtp-server + mailparser). It prints one JSON line when listening
// ({"listening": port}) and one per message it accepts ({"to": [...], "subject", "text", "messageId"}).
// Behaviour by recipient address, so a test can provoke each outcome:
//   bounce…@…  → 550 at RCPT TO (permanent: the sender must not retry)
//   flaky…@…   → 451 at the end of DATA the first time that address is seen, accepted afterwards (transient)
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const seenFlaky = new Set();
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (/^bounce/i.test(address.address)) {
      const error = new Error('5.1.1 mailbox unavailable');
      error.responseCode = 550;
      return callback(error);
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', async () => {
      const to = session.envelope.rcptTo.map((r) => r.address);
      const flaky = to.find((a) => /^flaky/i.test(a) && !seenFlaky.has(a));
      if (flaky) {
        seenFlaky.add(flaky);
        const error = new Error('4.3.0 try again later');
        error.responseCode = 451;
        return callback(error);
      }
      const mail = await simpleParser(Buffer.concat(chunks));
      process.stdout.write(
        `${JSON.stringify({ to, subject: mail.subject, text: mail.text, messageId: mail.messageId })}\n`,
      );
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ listening: server.server.address().port })}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
