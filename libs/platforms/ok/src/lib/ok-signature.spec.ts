import { createHash } from 'node:crypto';
import { okSignature } from './ok-signature';

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

describe('okSignature', () => {
  it('follows PLATFORMS.md step by step', () => {
    const params = { method: 'mediatopic.post', application_key: 'CBAKEY', format: 'json', gid: '42', access_token: 'tkn', sig: 'old' };
    const secret = md5('tkn' + 'APPSECRET');
    const expected = md5('application_key=CBAKEYformat=jsongid=42method=mediatopic.post' + secret);
    expect(okSignature(params, 'tkn', 'APPSECRET')).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{32}$/);
  });

  it('signs UTF-8 values and changes with any value', () => {
    const a = okSignature({ text: 'Привет' }, 't', 's');
    const b = okSignature({ text: 'Привет!' }, 't', 's');
    expect(a).not.toBe(b);
    expect(a).toBe(md5('text=Привет' + md5('ts')));
  });
});
