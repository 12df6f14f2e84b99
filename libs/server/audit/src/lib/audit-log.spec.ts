import { redact } from './audit-log';

describe('redact', () => {
  it('drops secret-looking keys at any depth and keeps the rest', () => {
    expect(redact({ email: 'a@b.ru', password: 'x', nested: { accessToken: 't', name: 'n' }, passwordHash: 'h' })).toEqual({
      email: 'a@b.ru',
      nested: { name: 'n' },
    });
  });
});
