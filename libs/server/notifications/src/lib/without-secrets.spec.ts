import { withoutSecrets } from './without-secrets';

describe('withoutSecrets', () => {
  it('hides tokens, keys and passwords but keeps the message readable', () => {
    expect(withoutSecrets('GET /method/wall.post?access_token=vk1.a.XYZ&v=5.199 failed')).toBe('GET /method/wall.post?access_token=***&v=5.199 failed');
    expect(withoutSecrets('https://api.telegram.org/bot123456:AAHk-secret_part/sendMessage')).toBe('https://api.telegram.org/bot***/sendMessage');
    expect(withoutSecrets('smtp://user:hunter2@mail.gov.ru:587')).toBe('smtp://user:***@mail.gov.ru:587');
    expect(withoutSecrets('token vk1.a.abc.def_ghi is expired')).toBe('token *** is expired');
    expect(withoutSecrets(`key ${'a'.repeat(64)} refused`)).toBe('key *** refused');
    expect(withoutSecrets('Площадка недоступна: 502 Bad Gateway')).toBe('Площадка недоступна: 502 Bad Gateway');
  });

  it('cuts known secrets out and long texts short', () => {
    expect(withoutSecrets('535 auth failed for p@ss-w0rd', ['p@ss-w0rd'])).toBe('535 auth failed for ***');
    const long = withoutSecrets('ошибка '.repeat(100));
    expect(long.length).toBe(300);
    expect(long.endsWith('…')).toBe(true);
  });
});
