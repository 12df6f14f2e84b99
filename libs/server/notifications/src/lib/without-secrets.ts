/** Longest reason quoted in a notification or stored as an e-mail error. */
const MAX_REASON_LENGTH = 300;

const SECRET_PATTERNS: [RegExp, string][] = [
  // Query and form parameters: access_token=…, sig=…, password=…
  [/\b(access_token|refresh_token|token|secret|client_secret|password|passwd|sig|session_key|session_secret_key|key)=([^&\s"']+)/gi, '$1=***'],
  // Telegram bot tokens, with or without the `bot` prefix of API paths.
  [/\bbot\d{5,}:[A-Za-z0-9_-]+/g, 'bot***'],
  [/\b\d{5,}:[A-Za-z0-9_-]{25,}/g, '***'],
  // VK tokens (vk1.a.…) and bearer headers.
  [/\bvk1\.[a-z]\.[A-Za-z0-9._-]+/g, '***'],
  [/\b(Bearer|OAuth)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 ***'],
  // Passwords in connection URLs.
  [/(\/\/[^:/@\s]+:)[^@\s]*@/g, '$1***@'],
  // Any other long opaque string looks like a key.
  [/[A-Za-z0-9_-]{40,}/g, '***'],
];

/**
 * A platform's or mail server's message made safe to show a person and to store: anything that
 * looks like a token, key or password is replaced, and the text is cut to a readable length.
 */
export function withoutSecrets(text: string, also: string[] = []): string {
  let out = text;
  for (const secret of also) if (secret) out = out.split(secret).join('***');
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > MAX_REASON_LENGTH ? `${out.slice(0, MAX_REASON_LENGTH - 1)}…` : out;
}
