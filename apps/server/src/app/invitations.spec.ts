import type { AuditEntryView, InvitationCreated, InvitationDetails, InvitationView, LoginResponse, MemberView, OrganizationView, PasswordResetIssued } from '@vestnik/contracts';
import { currentTotp } from '@vestnik/server/auth';
import { EmailOutbox } from '@vestnik/server/notifications';
import { readMail, startFakeSmtp } from '../testing/fake-smtp';
import { createOrganization, inviteAndAccept, MEMBER_PASSWORD, tokenOf } from '../testing/factories';
import { bearer, login, setupRoot, startTestServer, TestServer } from '../testing/test-server';

type Person = { email: string; token: string; userId: string };

describe('members join by invitation, with consent', () => {
  let server: TestServer;
  let admin: string;
  let region: OrganizationView;
  let ministry: OrganizationView;
  let school: OrganizationView;
  let health: OrganizationView;
  let ministryAdmin: Person;
  let healthAdmin: Person;

  const invite = (token: string, orgId: string, body: Record<string, unknown>) => server.http.post(`/api/v1/organizations/${orgId}/members`).set(bearer(token)).send(body);
  const details = (token: string) => server.http.get(`/api/v1/invitations/${token}`);
  const accept = (token: string, body: Record<string, unknown>) => server.http.post(`/api/v1/invitations/${token}/accept`).send(body);
  const pending = async (token: string, orgId: string) => (await server.http.get(`/api/v1/organizations/${orgId}/invitations`).set(bearer(token)).expect(200)).body as InvitationView[];
  const members = async (token: string, orgId: string) => (await server.http.get(`/api/v1/organizations/${orgId}/members`).set(bearer(token)).expect(200)).body as MemberView[];
  const audit = async (token: string, orgId: string) => ((await server.http.get(`/api/v1/audit?organizationId=${orgId}&limit=200`).set(bearer(token)).expect(200)).body as { items: AuditEntryView[] }).items;

  beforeAll(async () => {
    server = await startTestServer({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' });
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    region = (await server.http.get('/api/v1/organizations').set(bearer(admin))).body[0];
    ministry = await createOrganization(server, admin, region.id, 'Министерство образования');
    school = await createOrganization(server, admin, ministry.id, 'Школа №1 г. Курильска');
    health = await createOrganization(server, admin, region.id, 'Министерство здравоохранения');
    ministryAdmin = await inviteAndAccept(server, admin, ministry.id, 'admin');
    healthAdmin = await inviteAndAccept(server, admin, health.id, 'admin');
  });
  afterAll(() => server.close());

  it('invites a new person, who accepts with a name and a password and can then sign in', async () => {
    const invited = (await invite(ministryAdmin.token, ministry.id, { email: 'New.Teacher@X.ru', name: 'Ольга Учитель', role: 'editor' }).expect(201)).body as InvitationCreated;
    expect(invited).toMatchObject({ email: 'new.teacher@x.ru', role: 'editor', organizationId: ministry.id, emailed: false, invitedBy: { id: ministryAdmin.userId } });
    expect(invited.inviteUrl).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(invited.inviteUrl);
    expect(new Date(invited.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);

    // Only the hash is kept: the link cannot be shown again.
    const rows = await server.db.dataSource.query(`SELECT *, encode(token_hash, 'hex') AS hex FROM invitations WHERE email = 'new.teacher@x.ru'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toHaveLength(32);
    expect(JSON.stringify(rows)).not.toContain(token);
    const listed = await pending(ministryAdmin.token, ministry.id);
    expect(listed).toEqual([expect.objectContaining({ id: invited.id, email: 'new.teacher@x.ru', role: 'editor', invitedBy: { id: ministryAdmin.userId, name: 'Сотрудник admin' } })]);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await members(ministryAdmin.token, ministry.id)).map((m) => m.email)).not.toContain('new.teacher@x.ru');

    const offer = (await details(token).expect(200)).body as InvitationDetails;
    expect(offer).toEqual({
      kind: 'membership',
      organizationName: 'Министерство образования',
      role: 'editor',
      email: 'new.teacher@x.ru',
      accountExists: false,
      totpRequired: false,
      suggestedName: 'Ольга Учитель',
      expiresAt: invited.expiresAt,
    });

    expect((await accept(token, { password: 'новый-пароль-1' }).expect(400)).body.errors[0]).toMatchObject({ field: 'name', rule: 'isNotEmpty' });
    expect((await accept(token, { name: 'Ольга', password: 'короткий' }).expect(400)).body.errors[0]).toMatchObject({ field: 'password', rule: 'minLength' });
    const joined = (await accept(token, { name: 'Ольга Петровна', password: 'новый-пароль-1' }).expect(200)).body as LoginResponse;
    expect(joined.user).toMatchObject({ email: 'new.teacher@x.ru', name: 'Ольга Петровна', memberships: [{ organizationId: ministry.id, role: 'editor' }] });
    const seen = (await server.http.get('/api/v1/organizations').set(bearer(joined.accessToken)).expect(200)).body as OrganizationView[];
    expect(seen.map((o) => o.id)).toContain(ministry.id);
    await login(server, 'new.teacher@x.ru', 'новый-пароль-1');

    expect(await pending(ministryAdmin.token, ministry.id)).toEqual([]);
    expect((await accept(token, { name: 'Ещё раз', password: 'новый-пароль-1' }).expect(410)).body.code).toBe('invitation_used');
    expect((await details(token).expect(410)).body.message).toContain('уже принято');

    const entries = await audit(ministryAdmin.token, ministry.id);
    expect(entries.find((e) => e.action === 'membership.invited' && e.targetId === invited.id)?.after).toMatchObject({ email: 'new.teacher@x.ru', role: 'editor', emailed: false });
    expect(entries.find((e) => e.action === 'membership.added' && e.after?.['invitationId'] === invited.id)).toMatchObject({ actorEmail: 'new.teacher@x.ru', after: { createdAccount: true, role: 'editor' } });
    expect(JSON.stringify(entries)).not.toContain(token);
  });

  it('invites an existing account from elsewhere without revealing it, and adds it only with its own password', async () => {
    const doctor = await inviteAndAccept(server, healthAdmin.token, health.id, 'editor', { email: 'doctor@x.ru', name: 'Доктор Айболит', password: 'пароль-доктора-1' });
    const fresh = (await invite(ministryAdmin.token, ministry.id, { email: 'nobody-yet@x.ru', name: 'Кто-то', role: 'viewer' }).expect(201)).body as InvitationCreated;
    const invited = (await invite(ministryAdmin.token, ministry.id, { email: 'doctor@x.ru', name: 'Кто-то', role: 'viewer' }).expect(201)).body as InvitationCreated;

    // The same answer as for an unknown address: no name, no account id, no hint.
    expect(Object.keys(invited).sort()).toEqual(Object.keys(fresh).sort());
    expect(invited).toMatchObject({ email: 'doctor@x.ru', role: 'viewer', emailed: false });
    for (const seenByAdmin of [invited, await pending(ministryAdmin.token, ministry.id), await members(ministryAdmin.token, ministry.id), await audit(ministryAdmin.token, ministry.id)]) {
      expect(JSON.stringify(seenByAdmin)).not.toContain('Айболит');
      expect(JSON.stringify(seenByAdmin)).not.toContain(doctor.userId);
    }
    expect(await server.db.dataSource.query('SELECT 1 FROM memberships WHERE user_id = $1 AND organization_id = $2', [doctor.userId, ministry.id])).toEqual([]);

    // The link's holder is told to confirm with the account's password.
    const token = tokenOf(invited.inviteUrl);
    expect((await details(token).expect(200)).body).toMatchObject({ accountExists: true, suggestedName: null, email: 'doctor@x.ru', totpRequired: false });

    // A wrong password is refused and counted like a failed login.
    for (let i = 0; i < 3; i++) expect((await accept(token, { password: 'чужой-пароль-1' }).expect(401)).body.code).toBe('invalid_credentials');
    const throttled = await accept(token, { password: 'пароль-доктора-1' }).expect(429);
    expect(throttled.body).toMatchObject({ code: 'too_many_attempts', scope: 'account' });
    expect(await server.db.dataSource.query('SELECT 1 FROM memberships WHERE user_id = $1 AND organization_id = $2', [doctor.userId, ministry.id])).toEqual([]);
    await server.db.dataSource.query(`DELETE FROM login_attempts WHERE email = 'doctor@x.ru'`);

    // A name sent along does not rename the existing account.
    const joined = (await accept(token, { name: 'Кто-то', password: 'пароль-доктора-1' }).expect(200)).body as LoginResponse;
    expect(joined.user.name).toBe('Доктор Айболит');
    expect(joined.user.memberships.map((m) => [m.organizationId, m.role]).sort()).toEqual(
      [
        [health.id, 'editor'],
        [ministry.id, 'viewer'],
      ].sort(),
    );
    expect((await members(ministryAdmin.token, ministry.id)).find((m) => m.userId === doctor.userId)).toMatchObject({ name: 'Доктор Айболит', role: 'viewer' });
    expect(
      (await audit(ministryAdmin.token, ministry.id)).find((e) => e.action === 'membership.added' && e.after?.['invitationId'] === invited.id)?.after,
    ).toMatchObject({ createdAccount: false });
  });

  it('asks an account with a second factor for its code before it joins', async () => {
    const guarded = await inviteAndAccept(server, healthAdmin.token, health.id, 'viewer', { email: 'guarded@x.ru', password: 'пароль-с-кодом-1' });
    const setup = await server.http.post('/api/v1/auth/totp/setup').set(bearer(guarded.token)).expect(200);
    await server.http.post('/api/v1/auth/totp/enable').set(bearer(guarded.token)).send({ code: currentTotp(setup.body.secret) }).expect(200);
    const token = tokenOf(((await invite(ministryAdmin.token, ministry.id, { email: 'guarded@x.ru', role: 'viewer' }).expect(201)).body as InvitationCreated).inviteUrl);
    expect((await details(token).expect(200)).body).toMatchObject({ accountExists: true, totpRequired: true });
    expect((await accept(token, { password: 'пароль-с-кодом-1' }).expect(401)).body.code).toBe('totp_required');
    const joined = (await accept(token, { password: 'пароль-с-кодом-1', totpCode: currentTotp(setup.body.secret, Date.now() + 30_000) }).expect(200)).body as LoginResponse;
    expect(joined.user.memberships.map((m) => m.organizationId)).toContain(ministry.id);
  });

  it('limits the session to enrolling a second factor when the accepted role requires one', async () => {
    const committee = await createOrganization(server, admin, region.id, 'Комитет по информационной политике');
    await server.http.patch(`/api/v1/organizations/${committee.id}`).set(bearer(admin)).send({ requireAdminTotp: true }).expect(200);
    const person = await inviteAndAccept(server, healthAdmin.token, health.id, 'viewer', { email: 'future-admin@x.ru', password: 'пароль-будущего-админа' });
    const token = tokenOf(((await invite(admin, committee.id, { email: person.email, role: 'admin' }).expect(201)).body as InvitationCreated).inviteUrl);
    const joined = (await accept(token, { password: 'пароль-будущего-админа' }).expect(200)).body as LoginResponse;
    expect(joined.totpEnrollmentRequired).toBe(true);
    expect((await server.http.get('/api/v1/organizations').set(bearer(joined.accessToken)).expect(403)).body.code).toBe('totp_enrollment_required');
    // The session opened by the password check was full: it is ended, not handed out.
    const ended = await server.db.dataSource.query(`SELECT end_reason FROM sessions WHERE user_id = $1 AND ended_at IS NOT NULL`, [person.userId]);
    expect(ended).toEqual([{ end_reason: 'totp_enrollment_required' }]);
    // The rule binds every admin above the committee too: lifted, so the tests below are not about it.
    await server.http.patch(`/api/v1/organizations/${committee.id}`).set(bearer(admin)).send({ requireAdminTotp: false }).expect(200);
  });

  it('refuses revoked, expired, unknown and repeated invitations with a clear message', async () => {
    const revoked = (await invite(ministryAdmin.token, ministry.id, { email: 'revoked@x.ru', role: 'editor' }).expect(201)).body as InvitationCreated;
    await server.http.delete(`/api/v1/organizations/${ministry.id}/invitations/${revoked.id}`).set(bearer(ministryAdmin.token)).expect(204);
    await server.http.delete(`/api/v1/organizations/${ministry.id}/invitations/${revoked.id}`).set(bearer(ministryAdmin.token)).expect(204);
    const gone = await details(tokenOf(revoked.inviteUrl)).expect(410);
    expect(gone.body).toMatchObject({ code: 'invitation_revoked', message: expect.stringContaining('отозвано') });
    expect((await accept(tokenOf(revoked.inviteUrl), { name: 'Я', password: 'пароль-который-есть' }).expect(410)).body.code).toBe('invitation_revoked');
    expect((await audit(ministryAdmin.token, ministry.id)).find((e) => e.action === 'invitation.revoked' && e.targetId === revoked.id)?.before).toMatchObject({ email: 'revoked@x.ru' });

    const expired = (await invite(ministryAdmin.token, ministry.id, { email: 'late@x.ru', role: 'editor' }).expect(201)).body as InvitationCreated;
    await server.db.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.id]);
    expect((await details(tokenOf(expired.inviteUrl)).expect(410)).body).toMatchObject({ code: 'invitation_expired', message: expect.stringContaining('истёк') });
    expect((await accept(tokenOf(expired.inviteUrl), { name: 'Я', password: 'пароль-который-есть' }).expect(410)).body.code).toBe('invitation_expired');
    expect((await pending(ministryAdmin.token, ministry.id)).map((i) => i.email)).not.toContain('late@x.ru');
    // An expired invitation does not hold the address: a new one can be sent.
    await invite(ministryAdmin.token, ministry.id, { email: 'late@x.ru', role: 'editor' }).expect(201);
    expect((await invite(ministryAdmin.token, ministry.id, { email: 'late@x.ru', role: 'viewer' }).expect(409)).body.code).toBe('already_invited');

    expect((await details('A'.repeat(43)).expect(404)).body).toMatchObject({ code: 'invitation_not_found', message: expect.stringContaining('Ссылка не найдена') });
    await details('short').expect(404);
    await accept('A'.repeat(43), { name: 'Я', password: 'пароль-который-есть' }).expect(404);

    expect((await invite(ministryAdmin.token, ministry.id, { email: ministryAdmin.email, role: 'viewer' }).expect(409)).body.code).toBe('already_member');
    const editor = await inviteAndAccept(server, ministryAdmin.token, ministry.id, 'editor');
    expect((await invite(editor.token, ministry.id, { email: 'x@x.ru', role: 'viewer' }).expect(403)).body.code).toBe('forbidden');
    await invite(ministryAdmin.token, health.id, { email: 'x@x.ru', role: 'viewer' }).expect(404);
    await server.http.get(`/api/v1/organizations/${health.id}/invitations`).set(bearer(ministryAdmin.token)).expect(404);
    await server.http.delete(`/api/v1/organizations/${ministry.id}/invitations/${revoked.id}`).set(bearer(editor.token)).expect(403);
    await server.http.delete(`/api/v1/organizations/${health.id}/invitations/${revoked.id}`).set(bearer(healthAdmin.token)).expect(404);
  });

  it('lets two people accept one invitation only once', async () => {
    const invited = (await invite(ministryAdmin.token, ministry.id, { email: 'twice@x.ru', role: 'editor' }).expect(201)).body as InvitationCreated;
    const token = tokenOf(invited.inviteUrl);
    const answers = await Promise.all([accept(token, { name: 'Первый', password: 'пароль-первого' }), accept(token, { name: 'Второй', password: 'пароль-второго' })]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, expect.any(Number)]);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect((await server.db.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email = 'twice@x.ru'`))[0].n).toBe(1);
  });

  it('resets a password only for an admin of every organization the person belongs to, ending the sessions', async () => {
    const schoolAdmin = await inviteAndAccept(server, ministryAdmin.token, school.id, 'admin');
    const teacher = await inviteAndAccept(server, schoolAdmin.token, school.id, 'editor', { email: 'teacher@x.ru', password: 'пароль-учителя-1' });
    const reset = (token: string, orgId: string, userId: string, body: Record<string, unknown> = {}) =>
      server.http.post(`/api/v1/organizations/${orgId}/members/${userId}/password-reset`).set(bearer(token)).send(body);

    // Only in the school: its admin, and the ministry's, may reset it.
    const issued = (await reset(schoolAdmin.token, school.id, teacher.userId).expect(200)).body as PasswordResetIssued;
    expect(issued).toMatchObject({ userId: teacher.userId, emailed: false });
    await server.http.get('/api/v1/organizations').set(bearer(teacher.token)).expect(401);
    await server.http.post('/api/v1/auth/login').send({ email: 'teacher@x.ru', password: 'пароль-учителя-1' }).expect(401);
    const token = tokenOf(issued.resetUrl);
    expect((await details(token).expect(200)).body).toMatchObject({ kind: 'password_reset', organizationName: 'Школа №1 г. Курильска', role: null, email: 'teacher@x.ru', accountExists: true });
    expect((await accept(token, { password: 'короткий' }).expect(400)).body.errors[0]).toMatchObject({ field: 'password', rule: 'minLength' });
    const back = (await accept(token, { password: 'новый-пароль-учителя' }).expect(200)).body as LoginResponse;
    expect(back.user.id).toBe(teacher.userId);
    await login(server, 'teacher@x.ru', 'новый-пароль-учителя');
    expect((await accept(token, { password: 'ещё-один-пароль' }).expect(410)).body.code).toBe('invitation_used');

    // A new link replaces the previous one.
    const first = (await reset(ministryAdmin.token, school.id, teacher.userId).expect(200)).body as PasswordResetIssued;
    const second = (await reset(ministryAdmin.token, school.id, teacher.userId).expect(200)).body as PasswordResetIssued;
    expect((await details(tokenOf(first.resetUrl)).expect(410)).body.code).toBe('invitation_revoked');
    await accept(tokenOf(second.resetUrl), { password: 'третий-пароль-учителя' }).expect(200);

    // Once the teacher also serves the health ministry, neither the school's nor the ministry's admin may take the account over.
    await inviteAndAccept(server, healthAdmin.token, health.id, 'viewer', { email: 'teacher@x.ru', password: 'третий-пароль-учителя' });
    for (const token of [schoolAdmin.token, ministryAdmin.token]) {
      const refused = await reset(token, school.id, teacher.userId).expect(403);
      expect(refused.body).toMatchObject({ code: 'forbidden', message: expect.stringContaining('администратор всех этих организаций') });
    }
    await login(server, 'teacher@x.ru', 'третий-пароль-учителя');
    await reset(admin, school.id, teacher.userId).expect(200);

    // Not a member here: nothing to reset.
    await reset(admin, ministry.id, teacher.userId).expect(404);
    // Nor for anyone but an admin.
    const colleague = await inviteAndAccept(server, schoolAdmin.token, school.id, 'editor');
    expect((await reset(colleague.token, school.id, schoolAdmin.userId).expect(403)).body.code).toBe('forbidden');
    const entries = await audit(admin, school.id);
    expect(entries.filter((e) => e.action === 'user.password_reset' && e.targetId === teacher.userId)).toHaveLength(4);
    expect(entries.filter((e) => e.action === 'user.password_set' && e.targetId === teacher.userId)).toHaveLength(2);
  });

  it('shows login events of a person only to the organizations they belonged to at the time', async () => {
    const nurse = await inviteAndAccept(server, healthAdmin.token, health.id, 'viewer', { email: 'nurse@x.ru', password: 'пароль-медсестры' });
    await login(server, nurse.email, 'пароль-медсестры');
    const invited = (await invite(ministryAdmin.token, ministry.id, { email: nurse.email, role: 'viewer' }).expect(201)).body as InvitationCreated;
    await accept(tokenOf(invited.inviteUrl), { password: 'пароль-медсестры' }).expect(200);
    await login(server, nurse.email, 'пароль-медсестры');
    await server.http.delete(`/api/v1/organizations/${health.id}/members/${nurse.userId}`).set(bearer(healthAdmin.token)).expect(204);
    await login(server, nurse.email, 'пароль-медсестры');
    await server.http.post('/api/v1/auth/login').send({ email: nurse.email, password: 'не-тот-пароль' }).expect(401);

    const loginsIn = async (token: string, orgId: string) =>
      (await audit(token, orgId)).filter((e) => e.targetId === nurse.userId && e.action.startsWith('auth.')).map((e) => e.action);
    // Health: the first login, the one confirming the invitation, and the next, all before she left.
    expect(await loginsIn(healthAdmin.token, health.id)).toEqual(['auth.login', 'auth.login', 'auth.login']);
    // Ministry: only from the moment she joined.
    expect(await loginsIn(ministryAdmin.token, ministry.id)).toEqual(['auth.login_failed', 'auth.login', 'auth.login']);

    // Once she belongs to no organization, her sign-ins are no admin's business, not even the root's.
    const seenByRoot = await loginsIn(admin, region.id);
    await server.http.delete(`/api/v1/organizations/${ministry.id}/members/${nurse.userId}`).set(bearer(ministryAdmin.token)).expect(204);
    await login(server, nurse.email, 'пароль-медсестры');
    await server.http.post('/api/v1/auth/login').send({ email: nurse.email, password: 'не-тот-пароль' }).expect(401);
    expect(await loginsIn(admin, region.id)).toEqual(seenByRoot);
    // Failed logins of unknown addresses still reach the root.
    await server.http.post('/api/v1/auth/login').send({ email: 'nobody-at-all@x.ru', password: 'не-тот-пароль' }).expect(401);
    expect((await audit(admin, region.id)).some((e) => e.action === 'auth.login_failed' && e.after?.['email'] === 'nobody-at-all@x.ru')).toBe(true);
  });

  it('never lets two concurrent removals take away the last root admins', async () => {
    let survivor = admin;
    for (let round = 0; round < 4; round++) {
      const second = await inviteAndAccept(server, survivor, region.id, 'admin');
      const survivorId = ((await server.http.get('/api/v1/auth/me').set(bearer(survivor)).expect(200)).body as { id: string }).id;
      const [a, b] = await Promise.all([
        server.http.delete(`/api/v1/organizations/${region.id}/members/${second.userId}`).set(bearer(survivor)),
        server.http.delete(`/api/v1/organizations/${region.id}/members/${survivorId}`).set(bearer(second.token)),
      ]);
      // One removal wins; the other is refused, whichever way they were ordered: either its author is
      // no longer a member (404) or, had both read their roles first, the last admin stays (409).
      expect([a.status, b.status].filter((s) => s === 204)).toHaveLength(1);
      const refused = a.status === 204 ? b : a;
      expect([404, 409]).toContain(refused.status);
      if (refused.status === 409) expect(refused.body.code).toBe('last_root_admin');
      const admins = (await members(a.status === 204 ? survivor : second.token, region.id)).filter((m) => m.role === 'admin');
      expect(admins).toHaveLength(1);
      survivor = a.status === 204 ? survivor : second.token;
    }
  });
});

describe('invitations and resets by e-mail', () => {
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  let server: TestServer;
  let admin: string;
  let rootId: string;

  const waitForMail = async (to: string) => {
    const until = Date.now() + 15_000;
    for (;;) {
      const mail = smtp.mails.find((m) => m.to.includes(to));
      if (mail) return readMail(mail.data);
      if (Date.now() > until) throw new Error(`no letter to ${to}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    server = await startTestServer({
      SMTP_URL: `smtp://vestnik:secret@127.0.0.1:${smtp.port}`,
      VESTNIK_PUBLIC_URL: 'https://vestnik.region.gov.ru',
      VESTNIK_ROLES: 'api,worker',
      NOTIFY_EMAIL_POLL_MS: '100',
    });
    const setup = await setupRoot(server);
    admin = setup.accessToken;
    rootId = setup.user.memberships[0].organizationId;
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('mails the link instead of showing it, keeps it sealed until sent and erases it then', async () => {
    const invited = (await server.http.post(`/api/v1/organizations/${rootId}/members`).set(bearer(admin)).send({ email: 'mailed@x.ru', name: 'Пётр', role: 'editor' }).expect(201)).body as InvitationCreated;
    expect(invited.emailed).toBe(true);
    expect(invited).not.toHaveProperty('inviteUrl');

    const { subject, text } = await waitForMail('mailed@x.ru');
    expect(subject).toBe('Приглашение в Вестник: «Правительство Сахалинской области»');
    expect(text).toContain('Здравствуйте, Пётр!');
    expect(text).toContain('с ролью «Редактор»');
    expect(text).toContain('Ссылка действует 7 дней');
    const link = /https:\/\/vestnik\.region\.gov\.ru\/invite\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];
    const rows = await server.db.dataSource.query(`SELECT state, content FROM letters WHERE recipient = 'mailed@x.ru'`);
    expect(rows).toEqual([{ state: 'sent', content: null }]);
    await server.http.post(`/api/v1/invitations/${tokenOf(link)}/accept`).send({ name: 'Пётр Иванов', password: MEMBER_PASSWORD }).expect(200);

    // The admin may still ask for the link, to hand it over in person; then nothing is mailed.
    const shown = (await server.http.post(`/api/v1/organizations/${rootId}/members`).set(bearer(admin)).send({ email: 'in-person@x.ru', role: 'viewer', showLink: true }).expect(201)).body as InvitationCreated;
    expect(shown).toMatchObject({ emailed: false, inviteUrl: expect.stringMatching(/^https:\/\/vestnik\.region\.gov\.ru\/invite\//) });
    expect(await server.db.dataSource.query(`SELECT 1 FROM letters WHERE recipient = 'in-person@x.ru'`)).toEqual([]);
  });

  it('holds a queued letter sealed: the link cannot be read from the table', async () => {
    const member = await inviteAndAccept(server, admin, rootId, 'viewer');
    // Hold the outbox (a pass in flight finishes first) to look at the queued letter.
    const outbox = server.app.get(EmailOutbox);
    const held = jest.spyOn(outbox, 'tick').mockResolvedValue(0);
    await new Promise((r) => setTimeout(r, 300));
    const reset = (await server.http.post(`/api/v1/organizations/${rootId}/members/${member.userId}/password-reset`).set(bearer(admin)).send({}).expect(200)).body as PasswordResetIssued;
    expect(reset).toMatchObject({ emailed: true });
    expect(reset).not.toHaveProperty('resetUrl');
    const [queued] = await server.db.dataSource.query(`SELECT state, content FROM letters WHERE recipient = $1 AND kind = 'password_reset'`, [member.email]);
    expect(queued.state).toBe('pending');
    expect(queued.content).toMatch(/^v2\./);
    expect(queued.content).not.toContain('invite');
    held.mockRestore();

    const { subject, text } = await waitForMail(member.email);
    expect(subject).toBe('Смена пароля в Вестнике');
    expect(text).toContain('Прежний пароль больше не действует');
    const link = /https:\/\/vestnik\.region\.gov\.ru\/invite\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];
    await server.http.post(`/api/v1/invitations/${tokenOf(link)}/accept`).send({ password: 'пароль-после-сброса' }).expect(200);
    await login(server, member.email, 'пароль-после-сброса');
  });
});
