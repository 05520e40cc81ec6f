/** The double-submit CSRF token: the server sets it as a readable cookie and expects it back in a header. */
export function readCsrfCookie(cookieHeader: string = document.cookie): string | null {
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'eo_csrf') return decodeURIComponent(rest.join('='));
  }
  return null;
}
