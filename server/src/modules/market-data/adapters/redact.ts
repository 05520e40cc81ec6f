/**
 * Keeps API keys out of logs and status pages. The adapters put keys in query
 * strings, so any URL quoted in an error (a failed request, an echoed body) is
 * stripped of key parameters, and the configured key values themselves are masked
 * wherever else they appear.
 */
const KEY_PARAMETERS = /([?&](?:securityToken|api_key|apikey|appid|token|key)=)[^&#\s"'<>;,)]*/gi;
const MASK = '***';

export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let redacted = text.replace(KEY_PARAMETERS, `$1${MASK}`);
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      redacted = redacted.split(form).join(MASK);
    }
  }
  return redacted;
}
