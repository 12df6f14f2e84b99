import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CurrentUserView, Language } from '@vestnik/contracts';
import type { SignedInActor } from '@vestnik/server/http';
import { PersonAudit } from './person-audit';
import { UsersService } from './users.service';

/** A person's own preferences: today the editor's language, kept on the server so it follows them to any browser. */
@Injectable()
export class PreferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly audit: PersonAudit,
  ) {}

  /** Sets the language; a change is audited (`person.language_changed`, before and after), the same choice again is not. */
  async setLanguage(actor: SignedInActor, language: Language, enrollmentOnly: boolean): Promise<CurrentUserView> {
    await this.dataSource.transaction(async (m) => {
      const rows: { email: string; before: Language }[] = await m.query(
        `UPDATE users u SET language = $2 FROM (SELECT id, language AS before FROM users WHERE id = $1 FOR UPDATE) old
          WHERE u.id = old.id AND old.before <> $2 RETURNING u.email, old.before`,
        [actor.user.id, language],
      );
      const [changed] = Array.isArray(rows[0]) ? (rows[0] as typeof rows) : rows;
      if (changed) await this.audit.record(actor, { id: actor.user.id, email: changed.email }, 'person.language_changed', { before: changed.before, language }, m);
    });
    return this.users.currentView(actor.user.id, enrollmentOnly);
  }
}
