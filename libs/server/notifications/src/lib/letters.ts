import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { SECRET_BOX, SecretBox, type SealedAt } from '@vestnik/server/persistence';
import { composeLinkLetter, type Letter, type LinkLetterSource } from './email-letter';

/** Where a letter's sealed content lives. */
export const letterContentAt = (id: string): SealedAt => ({ table: 'letters', column: 'content', id });

/**
 * Letters to an address, outside the notification inbox (e.g. an invitation to someone without an
 * account). Queued in the caller's transaction; sent by the e-mail outbox on worker replicas.
 */
@Injectable()
export class Letters {
  constructor(@Inject(SECRET_BOX) private readonly box: SecretBox) {}

  /** A letter carrying a one-time link: sealed at rest until sent, then erased. */
  queueLinkLetter(to: string, source: LinkLetterSource, manager: EntityManager): Promise<void> {
    return this.queue(source.kind === 'membership' ? 'invitation' : 'password_reset', to, source.recipientName, composeLinkLetter(source), manager);
  }

  private async queue(kind: string, to: string, recipientName: string | null, letter: Letter, manager: EntityManager): Promise<void> {
    const id = randomUUID();
    await manager.query(`INSERT INTO letters (id, kind, recipient, recipient_name, content) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      kind,
      to,
      recipientName,
      this.box.seal(JSON.stringify(letter), letterContentAt(id)),
    ]);
  }
}
