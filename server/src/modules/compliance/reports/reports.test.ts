import { afterAll, describe, expect, it } from 'vitest';
import { sharedDataDirectory } from '../../../platform/xml/shared-data-fixtures.js';
import { writeEmirSubmission } from './domain/emir-refit.js';
import { writeRemitTable1, type Table1Version } from './domain/remit-table1.js';
import { writeRemitTable2 } from './domain/remit-table2.js';
import { asRunFile, generateReport } from './generate.js';
import { prepareReport } from './prepared-report.js';
import { loadRegulatorySchemas, reportFormats } from './regulatory-schemas.js';
import * as sample from './sample-records-fixtures.js';

const schemas = loadRegulatorySchemas(sharedDataDirectory());
afterAll(() => schemas.dispose());

const table1 = (version: Table1Version): string =>
  writeRemitTable1({
    version,
    reportingEntity: sample.desk.acer,
    orders: [sample.limitOrder],
    trades: [
      sample.exchangeBuy,
      sample.exchangeSell,
      sample.otcGas,
      { ...sample.exchangeBuy, event: 'cancel' },
    ],
  });

const table2 = (): string =>
  writeRemitTable2({
    reportingEntity: sample.desk.acer,
    contracts: [sample.solarPpa, sample.indexedGasSupply],
  });

const emir = (): string =>
  writeEmirSubmission({
    fromLei: sample.desk.lei,
    to: sample.tradeRepository,
    messageId: 'EO-EMIR-20260312-0001',
    createdAt: Date.UTC(2026, 2, 12, 17, 0, 0),
    trades: [sample.powerForward, sample.powerForwardModified, sample.powerForwardCancelled],
  });

describe('regulatory reports against the official schemas', () => {
  it('compiles every shipped schema', () => {
    expect([...schemas.available].sort()).toEqual([...reportFormats].sort());
  });

  it.each([
    ['remit-table1-v3', () => table1('V3')],
    ['remit-table1-v2', () => table1('V2')],
    ['remit-table2-v1', table2],
    ['emir-auth030', emir],
  ] as const)('writes a %s report that validates and is ready', (format, write) => {
    const report = prepareReport(format, write(), schemas);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ validation: 'valid', ready: true });
  });
});

describe('a report that fails its schema', () => {
  it('is not ready, and its problems name the element and line', () => {
    const xml = writeRemitTable1({
      version: 'V3',
      reportingEntity: sample.desk.acer,
      orders: [],
      trades: [{ ...sample.otcGas, quantity: { value: '3000', unit: 'barrels/d' } }],
    });
    const line = xml.split('\n').findIndex((text) => text.includes('barrels/d')) + 1;
    const report = prepareReport('remit-table1-v3', xml, schemas);
    expect(report).toMatchObject({ validation: 'invalid', ready: false });
    expect(report.problems[0]).toMatchObject({ element: 'unit', line });
  });

  it('is not ready when the server has no schemas, and says so', () => {
    const none = loadRegulatorySchemas(undefined);
    const report = prepareReport('remit-table2-v1', table2(), none);
    expect(report).toMatchObject({ validation: 'not_validated', ready: false });
    expect(report.problems[0]?.message).toContain('not available');
  });

  it('checks a V3 file against V3 only: a V2 file is refused there', () => {
    expect(prepareReport('remit-table1-v3', table1('V2'), schemas).ready).toBe(false);
  });
});

describe('lifecycle events in the files', () => {
  it('marks REMIT records new, modified and cancelled with ACER action types', () => {
    const xml = table1('V3');
    expect(xml.match(/<actionType>N<\/actionType>/g)).toHaveLength(4);
    expect(xml.match(/<actionType>C<\/actionType>/g)).toHaveLength(1);
    expect(table2()).toContain('<actionType>M</actionType>');
  });

  it('reports an EMIR trade as New, then Mod, then an early termination', () => {
    const xml = emir();
    const order = ['<New>', '<Mod>', '<Termntn>'].map((tag) => xml.indexOf(tag));
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(xml).toContain('<EarlyTermntnDt>2026-03-12</EarlyTermntnDt>');
    expect(xml).toContain('<ExctnTmStmp>2026-03-06T09:30:00Z</ExctnTmStmp>');
    expect(xml).toContain('<NbRcrds>3</NbRcrds>');
  });

  it('validates an EMIR report made in error', () => {
    const xml = writeEmirSubmission({
      fromLei: sample.desk.lei,
      to: sample.tradeRepository,
      messageId: 'EO-EMIR-20260313-0001',
      createdAt: Date.UTC(2026, 2, 13, 8, 0, 0),
      trades: [{ ...sample.powerForward, event: 'error', eventDate: '2026-03-13' }],
    });
    expect(prepareReport('emir-auth030', xml, schemas)).toMatchObject({ ready: true });
  });
});

describe('generating a run file', () => {
  it('writes, validates and hands a run its file with readable problems', () => {
    const good = generateReport(
      {
        format: 'remit-table1-v2',
        report: { reportingEntity: sample.desk.acer, orders: [], trades: [sample.otcGas] },
      },
      schemas,
    );
    expect(asRunFile(good)).toMatchObject({ ready: true, validation: 'valid', problems: [] });
    const bad = generateReport(
      {
        format: 'remit-table2-v1',
        report: {
          reportingEntity: sample.desk.acer,
          contracts: [{ ...sample.solarPpa, contractType: 'PPA' }],
        },
      },
      schemas,
    );
    const file = asRunFile(bad);
    expect(file.ready).toBe(false);
    expect(file.problems[0]).toMatch(/^<contractType> at line \d+: /);
  });
});
