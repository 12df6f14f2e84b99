import type { AuditEntryView } from '@vestnik/contracts';
import { describeAction, describeTarget, summarizeChange } from './audit-format';

function entry(partial: Partial<AuditEntryView>): AuditEntryView {
  return {
    id: '1',
    at: '2025-01-01T00:00:00.000Z',
    actorId: 'u',
    actorEmail: 'admin@vestnik.test',
    organizationId: 'o',
    action: 'organization.updated',
    targetType: 'organization',
    targetId: 'o',
    before: null,
    after: null,
    ip: null,
    ...partial,
  };
}

const names = new Map([
  ['o', 'Министерство образования'],
  ['r', 'Правительство области'],
]);

describe('audit format', () => {
  it('names actions in Russian and keeps unknown codes as they are', () => {
    expect(describeAction('membership.added')).toBe('Добавлен сотрудник');
    expect(describeAction('organization.archived')).toBe('Организация перемещена в архив');
    expect(describeAction('channel.connected')).toBe('channel.connected');
  });

  it('describes an invitation by its address and role, without the invitation id', () => {
    const invited = entry({ action: 'membership.invited', targetType: 'invitation', targetId: 'i-1', after: { email: 'new@x.ru', role: 'editor', emailed: true } });
    expect(describeAction(invited.action)).toBe('Приглашён сотрудник');
    expect(describeTarget(invited, names)).toBe('Приглашение new@x.ru');
    expect(summarizeChange(invited, names)).toEqual(['Эл. почта: new@x.ru', 'Роль: Редактор', 'Ссылка отправлена письмом: да']);
    const joined = entry({ action: 'membership.added', targetType: 'membership', after: { email: 'new@x.ru', role: 'editor', invitationId: 'i-1', createdAccount: true } });
    expect(summarizeChange(joined, names)).toEqual(['Эл. почта: new@x.ru', 'Роль: Редактор', 'Создана учётная запись: да']);
  });

  it('shows only the changed fields of an update, with organization names instead of ids', () => {
    const lines = summarizeChange(
      entry({
        before: { name: 'Минобр', timezone: null, parentId: 'r', updatedAt: 'x' },
        after: { name: 'Министерство образования', timezone: 'Asia/Sakhalin', parentId: 'r', updatedAt: 'y' },
      }),
      names,
    );
    expect(lines).toEqual(['Название: Минобр → Министерство образования', 'Часовой пояс: — → Asia/Sakhalin']);
  });

  it('leaves empty defaults out of a creation and translates roles and flags', () => {
    expect(
      summarizeChange(entry({ after: { name: 'Школа', parentId: 'o', archived: false, timezone: null } }), names),
    ).toEqual(['Название: Школа', 'Вышестоящая организация: «Министерство образования»']);
    expect(summarizeChange(entry({ after: { email: 'a@b.ru', role: 'editor', createdAccount: true } }), names)).toEqual(
      ['Эл. почта: a@b.ru', 'Роль: Редактор', 'Создана учётная запись: да'],
    );
    expect(summarizeChange(entry({ before: { email: 'a@b.ru', role: 'viewer' } }), names)).toEqual([
      'Эл. почта: было a@b.ru',
      'Роль: было Наблюдатель',
    ]);
  });

  it('describes the target by its name or e-mail', () => {
    expect(describeTarget(entry({}), names)).toBe('Организация «Министерство образования»');
    expect(describeTarget(entry({ targetType: 'membership', targetId: 'm1', after: { email: 'a@b.ru' } }), names)).toBe(
      'Сотрудник a@b.ru',
    );
    expect(describeTarget(entry({ targetType: 'user', targetId: '12345678-abcd', after: null }), new Map())).toBe(
      'Учётная запись 12345678…',
    );
  });
});
