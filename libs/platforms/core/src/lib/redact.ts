const SECRET_PARAMETER = /((?:access_token|refresh_token|client_secret|application_secret_key|session_secret_key|code_verifier)["']?\s*[=:]\s*["']?)[^&"'\s,}]+/gi;
const BOT_TOKEN_IN_PATH = /\/bot\d+:[A-Za-z0-9_-]+/g;
const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

/**
 * Removes tokens from text before it becomes a reason, a log line or an error message.
 * Pass the secrets you hold too: they are scrubbed wherever they appear.
 */
export function redactSecrets(text: string, knownSecrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of knownSecrets) {
    // Short values would scrub ordinary words; real tokens are long.
    if (secret && secret.length >= 8) out = out.split(secret).join('***');
  }
  return out.replace(SECRET_PARAMETER, '$1***').replace(BOT_TOKEN_IN_PATH, '/bot***').replace(BEARER, '$1***');
}
