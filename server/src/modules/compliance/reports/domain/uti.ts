import { invalid } from '../../../../platform/errors.js';

/**
 * Unique transaction identifiers for trades the desk itself must identify: OTC
 * derivatives under EMIR, and bilateral standard contracts under REMIT (on a venue, the
 * venue's trade id is the UTI and is passed through unchanged).
 *
 * Rule, after the CPMI-IOSCO UTI guidance ESMA adopted: the generating entity's LEI
 * (20 characters), then `EO` (this platform), the trade date as `YYYYMMDD`, and the
 * desk's sequence number of the trade that day in base 36, six characters. 36 characters
 * of `[A-Z0-9]`, inside both EMIR's pattern (LEI + up to 32) and REMIT's. The same trade
 * always gets the same UTI, so a regenerated report repeats it instead of inventing one.
 */
const LEI = /^[A-Z0-9]{18}[0-9]{2}$/;
const MAX_SEQUENCE = 36 ** 6 - 1;

export function generateUti(generatorLei: string, tradeDate: string, sequence: number): string {
  if (!LEI.test(generatorLei))
    throw invalid('generatorLei', 'lei', 'generatorLei must be a 20-character LEI');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(tradeDate)) {
    throw invalid('tradeDate', 'date', 'tradeDate must be a date YYYY-MM-DD');
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > MAX_SEQUENCE) {
    throw invalid('sequence', 'range', `sequence must be an integer from 0 to ${MAX_SEQUENCE}`);
  }
  const day = tradeDate.replace(/-/g, '');
  return `${generatorLei}EO${day}${sequence.toString(36).toUpperCase().padStart(6, '0')}`;
}

/** ISO 17442 check digits are ISO 7064 MOD 97-10: letters count as 10..35. */
export function leiCheckDigitsValid(lei: string): boolean {
  if (!LEI.test(lei)) return false;
  let remainder = 0;
  for (const char of lei) {
    const digits = /[0-9]/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}
