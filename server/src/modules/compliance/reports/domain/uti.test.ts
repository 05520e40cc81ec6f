import { describe, expect, it } from 'vitest';
import { generateUti, leiCheckDigitsValid } from './uti.js';

describe('unique transaction identifiers', () => {
  it('is the LEI, the platform mark, the trade date and the base-36 sequence', () => {
    expect(generateUti('5299000EOPTIDESK0174', '2026-03-06', 2)).toBe(
      '5299000EOPTIDESK0174EO20260306000002',
    );
    expect(generateUti('5299000EOPTIDESK0174', '2026-03-06', 36 ** 6 - 1)).toBe(
      '5299000EOPTIDESK0174EO20260306ZZZZZZ',
    );
  });

  it('is the same for the same trade and different for the next one', () => {
    const first = generateUti('5299000EOPTIDESK0174', '2026-03-06', 7);
    expect(generateUti('5299000EOPTIDESK0174', '2026-03-06', 7)).toBe(first);
    expect(generateUti('5299000EOPTIDESK0174', '2026-03-06', 8)).not.toBe(first);
    expect(first).toMatch(/^[A-Z0-9]{18}[0-9]{2}[A-Z0-9]{0,32}$/);
  });

  it('refuses a malformed LEI, date or sequence, naming the field', () => {
    expect(() => generateUti('not-an-lei', '2026-03-06', 1)).toThrow(/generatorLei/);
    expect(() => generateUti('5299000EOPTIDESK0174', '6 March', 1)).toThrow(/tradeDate/);
    expect(() => generateUti('5299000EOPTIDESK0174', '2026-03-06', 36 ** 6)).toThrow(/sequence/);
    expect(() => generateUti('5299000EOPTIDESK0174', '2026-03-06', 1.5)).toThrow(/sequence/);
  });

  it('checks LEI check digits (ISO 17442)', () => {
    expect(leiCheckDigitsValid('5299000EOPTIDESK0174')).toBe(true);
    expect(leiCheckDigitsValid('5299000EOPTIDESK0175')).toBe(false);
  });
});
