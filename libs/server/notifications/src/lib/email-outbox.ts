import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, type NodemailerError, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import type { NotificationKind } from '@vestnik/contracts';
import { redactUrl, VESTNIK_CONFIG, VestnikConfig } from '@vestnik/server/config';
import { SECRET_BOX, SecretBox } from '@vestnik/server/persistence';
import { composeLetter, type Letter } from './email-letter';
import { letterContentAt } from './letters';
import { withoutSecrets } from './without-secrets';

const INTERVAL_NAME = 'notification-email-outbox';
const BATCH = 20;
/** A claimed letter that was neither sent nor failed by then (a crashed replica) is taken again. */
const CLAIM_SECONDS = 300;
/** Attempts in all before a letter is given up; the waits between them grow: 1, 4, 16, 64 minutes. */
export const MAX_EMAIL_ATTEMPTS = 5;
export const emailBackoffSeconds = (attempts: number): number => 60 * 4 ** (attempts - 1);

interface ClaimedLetter {
  id: string;
  title: string;
  body: string;
  post_id: string | null;
  channel_id: string | null;
  kind: NotificationKind;
  email_attempts: number;
  email: string;
  name: string;
}

interface ClaimedAddressLetter {
  id: string;
  kind: string;
  recipient: string;
  recipient_name: string | null;
  content: string;
  attempts: number;
}

type Sending = { sent: true } | { sent: false; reason: string; permanent: boolean };

/**
 * Sends the e-mails of notifications (`email_state = 'pending'`) and letters to addresses (`letters`).
 * Every replica whose roles include `worker` polls; rows are claimed with FOR UPDATE SKIP LOCKED and a short lease, so replicas never
 * send the same letter twice unless one dies mid-send. The SMTP URL holds the password: it is never
 * logged, and server answers are scrubbed before they are logged or stored.
 */
@Injectable()
export class EmailOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EmailOutbox');
  private transport: Transporter | null = null;
  private running: Promise<number> | null = null;
  private stopping = false;
  private readonly secrets: string[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(VESTNIK_CONFIG) private readonly config: VestnikConfig,
    private readonly scheduler: SchedulerRegistry,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
  ) {
    this.secrets = smtpSecrets(config.notifications.smtpUrl);
  }

  onApplicationBootstrap(): void {
    const { smtpUrl, emailPollMs } = this.config.notifications;
    if (!smtpUrl || !this.config.roles.includes('worker')) return;
    this.scheduler.addInterval(INTERVAL_NAME, setInterval(() => void this.tick(), emailPollMs));
    this.logger.log(`notification e-mails go through ${redactUrl(smtpUrl)}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.scheduler.doesExist('interval', INTERVAL_NAME)) this.scheduler.deleteInterval(INTERVAL_NAME);
    await this.running;
    this.transport?.close();
  }

  /** One pass; overlapping ticks are skipped while one runs. Answers how many letters went out. Public for tests. */
  tick(): Promise<number> {
    if (this.running || this.stopping || !this.config.notifications.smtpUrl) return this.running ?? Promise.resolve(0);
    this.running = this.pass()
      .catch((e: unknown) => {
        this.logger.error(`pass failed: ${this.safe(e)}`);
        return 0;
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.claim();
      for (const letter of batch) {
        if (await this.send(letter)) sent++;
      }
      if (batch.length < BATCH || this.stopping) break;
    }
    while (!this.stopping) {
      const batch = await this.claimAddressLetters();
      for (const letter of batch) {
        if (await this.sendAddressLetter(letter)) sent++;
      }
      if (batch.length < BATCH) break;
    }
    return sent;
  }

  private async claim(): Promise<ClaimedLetter[]> {
    const [rows]: [ClaimedLetter[], number] = await this.dataSource.query(
      `UPDATE notifications n
          SET email_next_at = now() + make_interval(secs => $2), email_attempts = n.email_attempts + 1
         FROM users u
        WHERE u.id = n.user_id
          AND n.id IN (SELECT id FROM notifications
                        WHERE email_state = 'pending' AND email_next_at <= now()
                        ORDER BY email_next_at
                        LIMIT $1
                        FOR UPDATE SKIP LOCKED)
        RETURNING n.id, n.title, n.body, n.post_id, n.channel_id, n.kind, n.email_attempts, u.email, u.name`,
      [BATCH, CLAIM_SECONDS],
    );
    return rows;
  }

  private async send(letter: ClaimedLetter): Promise<boolean> {
    const composed = composeLetter({ title: letter.title, body: letter.body, postId: letter.post_id, channelId: letter.channel_id, recipientName: letter.name, kind: letter.kind }, this.config.notifications.publicUrl);
    const outcome = await this.transmit({ name: letter.name, address: letter.email }, composed, { 'X-Vestnik-Notification': letter.id });
    if (outcome.sent) {
      await this.dataSource.query(`UPDATE notifications SET email_state = 'sent', emailed_at = now(), email_error = NULL WHERE id = $1`, [letter.id]);
      return true;
    }
    const giveUp = outcome.permanent || letter.email_attempts >= MAX_EMAIL_ATTEMPTS;
    this.logger.warn(`e-mail of notification ${letter.id} failed (attempt ${letter.email_attempts}${giveUp ? ', giving up' : ''}): ${outcome.reason}`);
    await this.dataSource.query(
      `UPDATE notifications
          SET email_state = CASE WHEN $3 THEN 'failed' ELSE email_state END,
              email_next_at = CASE WHEN $3 THEN email_next_at ELSE now() + make_interval(secs => $4) END,
              email_error = $2
        WHERE id = $1 AND email_state = 'pending'`,
      [letter.id, outcome.reason, giveUp, emailBackoffSeconds(letter.email_attempts)],
    );
    return false;
  }

  private async claimAddressLetters(): Promise<ClaimedAddressLetter[]> {
    const [rows]: [ClaimedAddressLetter[], number] = await this.dataSource.query(
      `UPDATE letters
          SET next_at = now() + make_interval(secs => $2), attempts = attempts + 1
        WHERE id IN (SELECT id FROM letters
                      WHERE state = 'pending' AND next_at <= now()
                      ORDER BY next_at
                      LIMIT $1
                      FOR UPDATE SKIP LOCKED)
        RETURNING id, kind, recipient, recipient_name, content, attempts`,
      [BATCH, CLAIM_SECONDS],
    );
    return rows;
  }

  /** Its content (which may hold a one-time link) is erased once sent or given up. */
  private async sendAddressLetter(letter: ClaimedAddressLetter): Promise<boolean> {
    let outcome: Sending;
    try {
      const composed = JSON.parse(this.box.open(letter.content, letterContentAt(letter.id))) as Letter;
      outcome = await this.transmit(letter.recipient_name ? { name: letter.recipient_name, address: letter.recipient } : letter.recipient, composed, { 'X-Vestnik-Letter': letter.kind });
    } catch (e) {
      outcome = { sent: false, reason: this.safe(e), permanent: true };
    }
    if (outcome.sent) {
      await this.dataSource.query(`UPDATE letters SET state = 'sent', sent_at = now(), content = NULL, error = NULL WHERE id = $1`, [letter.id]);
      return true;
    }
    const giveUp = outcome.permanent || letter.attempts >= MAX_EMAIL_ATTEMPTS;
    this.logger.warn(`letter ${letter.id} (${letter.kind}) failed (attempt ${letter.attempts}${giveUp ? ', giving up' : ''}): ${outcome.reason}`);
    await this.dataSource.query(
      `UPDATE letters
          SET state = CASE WHEN $3 THEN 'failed' ELSE state END,
              content = CASE WHEN $3 THEN NULL ELSE content END,
              next_at = CASE WHEN $3 THEN next_at ELSE now() + make_interval(secs => $4) END,
              error = $2
        WHERE id = $1 AND state = 'pending'`,
      [letter.id, outcome.reason, giveUp, emailBackoffSeconds(letter.attempts)],
    );
    return false;
  }

  private async transmit(to: string | { name: string; address: string }, letter: Letter, headers: Record<string, string>): Promise<Sending> {
    try {
      await this.mailer().sendMail({
        from: this.config.notifications.smtpFrom,
        to,
        subject: letter.subject,
        text: letter.text,
        html: letter.html,
        headers: { ...headers, 'Auto-Submitted': 'auto-generated' },
      });
      return { sent: true };
    } catch (e) {
      return { sent: false, reason: this.safe(e), permanent: (e as NodemailerError).permanent === true };
    }
  }

  private mailer(): Transporter {
    this.transport ??= createTransport({ url: this.config.notifications.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    return this.transport;
  }

  private safe(e: unknown): string {
    return withoutSecrets(e instanceof Error ? e.message : String(e), this.secrets);
  }
}

/** The password of the SMTP URL, as written and decoded, to be cut out of any message. */
function smtpSecrets(smtpUrl: string | undefined): string[] {
  if (!smtpUrl) return [];
  const password = new URL(smtpUrl).password;
  if (!password) return [];
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // Not percent-encoded: the raw form is enough.
  }
  return [...new Set([password, decoded])];
}
