import { describe, expect, it } from 'vitest';
import { parseCreditLimit, utilisationBar } from './credit';

describe('credit utilisation bars', () => {
  it('fills in proportion inside the limit, amber from the warning level', () => {
    expect(utilisationBar({ utilisation: 0.25, status: 'within' })).toEqual({
      width: 25,
      tone: 'ok',
      label: '25%',
    });
    expect(utilisationBar({ utilisation: 0.804, status: 'warning' })).toEqual({
      width: 80.4,
      tone: 'warning',
      label: '80%',
    });
  });

  it('fills the track in red when over the limit, even against a zero limit', () => {
    expect(utilisationBar({ utilisation: 1.608, status: 'breach' })).toEqual({
      width: 100,
      tone: 'breach',
      label: '161%',
    });
    expect(utilisationBar({ utilisation: null, status: 'breach' })).toEqual({
      width: 100,
      tone: 'breach',
      label: 'over',
    });
  });

  it('says there is no limit for a counterparty nobody registered', () => {
    expect(utilisationBar({ utilisation: null, status: 'no_limit' })).toEqual({
      width: 0,
      tone: 'none',
      label: 'no limit',
    });
  });
});

describe('reading a credit limit from a form', () => {
  it('accepts zero and amounts written with thousands separators', () => {
    expect(parseCreditLimit('0')).toEqual({ limit: 0 });
    expect(parseCreditLimit(' 2,500,000 ')).toEqual({ limit: 2_500_000 });
  });

  it('refuses blanks, words and negative limits with a reason', () => {
    expect(parseCreditLimit('')).toEqual({ error: 'Enter a credit limit' });
    expect(parseCreditLimit('lots')).toEqual({ error: 'The credit limit must be a number' });
    expect(parseCreditLimit('-5')).toEqual({ error: 'The credit limit cannot be negative' });
  });
});
