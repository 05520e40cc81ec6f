import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { HYBRID_KEM, RSA_KEM, type KemId } from './domain/algorithms.js';
import { hybridKeyPair } from './domain/hybrid-kem.js';
import { RSA_MODULUS_BITS } from './domain/rsa-kem.js';
import { random } from './keyring.js';

const rsaPair = promisify(generateKeyPair);

/** A fresh key pair for a version: the public half in clear, the private half to seal. */
export async function generateKeyMaterial(
  kem: KemId,
): Promise<{ publicKey: Uint8Array; secret: Uint8Array }> {
  if (kem === HYBRID_KEM) return hybridKeyPair(random);
  if (kem === RSA_KEM) {
    // Off the event loop: a 4096-bit key takes a second or more.
    const { publicKey, privateKey } = await rsaPair('rsa', {
      modulusLength: RSA_MODULUS_BITS,
      publicKeyEncoding: { type: 'spki', format: 'der' },
      privateKeyEncoding: { type: 'pkcs8', format: 'der' },
    });
    return { publicKey: new Uint8Array(publicKey), secret: new Uint8Array(privateKey) };
  }
  throw new Error(`unknown KEM ${String(kem)}`);
}
