/**
 * Why a cryptographic operation refused. The domain throws these; the service turns them
 * into DomainErrors with the same code, so the API names what is wrong.
 */
export type KeysFailure =
  | 'envelope_malformed'
  | 'envelope_unopenable'
  | 'x25519_zero_shared_secret'
  | 'kem_key_malformed'
  | 'kem_ciphertext_malformed'
  | 'aead_parameters_invalid';

export class KeysCryptoError extends Error {
  constructor(
    readonly code: KeysFailure,
    message: string,
    /** The part of the input at fault (an envelope field, a key), when one is. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'KeysCryptoError';
  }
}
