import { createServer, Server } from 'node:net';

export interface ReceivedMail {
  to: string[];
  data: string;
}

/** Just enough SMTP on 127.0.0.1 for nodemailer: greeting, EHLO with AUTH PLAIN, MAIL, RCPT, DATA, QUIT. */
export async function startFakeSmtp(refuse: (recipient: string) => string | null = () => null): Promise<{ port: number; mails: ReceivedMail[]; auth: string[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const auth: string[] = [];
  const server: Server = createServer((socket) => {
    socket.setEncoding('utf8');
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let buffer = '';
    let to: string[] = [];
    let data: string[] | null = null;
    reply('220 127.0.0.1 ESMTP test');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (data) {
          if (line === '.') {
            mails.push({ to, data: data.join('\r\n') });
            data = null;
            reply('250 2.0.0 queued');
          } else data.push(line.startsWith('..') ? line.slice(1) : line);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        const address = /<([^>]*)>/.exec(line)?.[1] ?? '';
        switch (verb) {
          case 'EHLO':
            reply('250-127.0.0.1\r\n250 AUTH PLAIN');
            break;
          case 'HELO':
            reply('250 127.0.0.1');
            break;
          case 'AUTH':
            auth.push(Buffer.from(line.split(' ')[2] ?? '', 'base64').toString('utf8'));
            reply('235 2.7.0 ok');
            break;
          case 'MAIL':
            to = [];
            reply('250 2.1.0 ok');
            break;
          case 'RCPT': {
            const refusal = refuse(address);
            if (!refusal) to.push(address);
            reply(refusal ?? '250 2.1.5 ok');
            break;
          }
          case 'DATA':
            data = [];
            reply('354 go ahead');
            break;
          case 'QUIT':
            reply('221 bye');
            socket.end();
            break;
          default:
            reply('250 ok');
        }
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { port, mails, auth, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The decoded Subject and text/plain part of a raw message. */
export function readMail(raw: string): { headers: string; subject: string; text: string } {
  const [headers] = raw.split('\r\n\r\n');
  const unfolded = headers.replace(/\r\n[ \t]+/g, ' ');
  const words = (s: string) =>
    s.replace(/(=\?utf-8\?[bq]\?[^?]*\?=\s*)+/gi, (run) =>
      Buffer.concat(
        [...run.matchAll(/=\?utf-8\?([bq])\?([^?]*)\?=/gi)].map(([, enc, text]) =>
          enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1'),
        ),
      ).toString('utf8'),
    );
  const subject = words(/^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '').trim();
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(unfolded)?.[1] ?? '';
  const part = raw.split(`--${boundary}`).find((p) => /Content-Type: text\/plain/i.test(p)) ?? '';
  const [partHeaders, ...rest] = part.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  const encoding = /Content-Transfer-Encoding: (\S+)/i.exec(partHeaders)?.[1]?.toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
        : body;
  return { headers: unfolded, subject, text };
}
