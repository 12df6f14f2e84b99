import { redactSecrets } from './redact';

describe('redactSecrets', () => {
  it('scrubs token parameters, bot tokens in paths and bearer headers', () => {
    const text =
      'POST https://api.telegram.org/bot123456:AAH-x_yz/sendMessage?access_token=vk1.a.SECRET&v=5.199 ' +
      'Authorization: Bearer abc.def {"refresh_token":"rt-1"}';
    const out = redactSecrets(text);
    expect(out).not.toMatch(/AAH-x_yz|vk1\.a\.SECRET|abc\.def|rt-1/);
    expect(out).toContain('/bot***/sendMessage');
    expect(out).toContain('access_token=***&v=5.199');
  });

  it('scrubs known secrets wherever they appear, ignoring short values', () => {
    expect(redactSecrets('token longsecretvalue leaked', ['longsecretvalue', 'ab'])).toBe('token *** leaked');
  });
});
