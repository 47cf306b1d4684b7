import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
}

/** Starts tests/support/smtp-sink-server.mjs as its own process; `messages` fills as mail arrives. */
export async function startSmtpSink(): Promise<{ port: number; messages: ReceivedMail[]; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'smtp-sink-server.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const messages: ReceivedMail[] = [];
  const lines = readline.createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`smtp sink exited with ${code}`)));
    lines.on('line', (line) => {
      const data = JSON.parse(line) as { listening?: number } & ReceivedMail;
      if (data.listening) resolve(data.listening);
      else messages.push(data);
    });
  });
  return {
    port,
    messages,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
