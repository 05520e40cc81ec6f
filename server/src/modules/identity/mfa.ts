import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const ISSUER = 'EnergyOpti-Pro';

function totpFor(username: string, secretBase32: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export async function totpEnrolment(username: string, secretBase32: string) {
  const otpauthUri = totpFor(username, secretBase32).toString();
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 });
  return { secret: secretBase32, otpauthUri, qrDataUrl };
}

/** Accepts the current code and one step either side, for clocks that drift a little. */
export function isValidTotp(
  username: string,
  secretBase32: string,
  code: string,
  nowMs: number,
): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return (
    totpFor(username, secretBase32).validate({ token: code, timestamp: nowMs, window: 1 }) !== null
  );
}

export function totpNow(username: string, secretBase32: string, nowMs: number): string {
  return totpFor(username, secretBase32).generate({ timestamp: nowMs });
}
