import { createHash } from 'node:crypto';

function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/**
 * OK request signature (PLATFORMS.md): secret = md5(access_token + application_secret_key);
 * every parameter except access_token and sig, sorted by name, as `name=value` with no separator,
 * then the secret appended; sig = md5 of that, lower-case hex.
 */
export function okSignature(params: Readonly<Record<string, string>>, accessToken: string, applicationSecretKey: string): string {
  const secret = md5(accessToken + applicationSecretKey);
  const base = Object.keys(params)
    .filter((name) => name !== 'access_token' && name !== 'sig')
    .sort()
    .map((name) => `${name}=${params[name]}`)
    .join('');
  return md5(base + secret);
}
