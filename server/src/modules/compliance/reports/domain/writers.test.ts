import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../platform/errors.js';
import * as sample from '../sample-records-fixtures.js';
import { writeEmirSubmission } from './emir-refit.js';
import { writeRemitTable1 } from './remit-table1.js';
import { writeRemitTable2 } from './remit-table2.js';

const refusal = (write: () => unknown): DomainError => {
  try {
    write();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the records to be refused');
};

describe('report writers refuse records a regulator would refuse', () => {
  it('refuses a trade time without an offset, naming the record and field', () => {
    const error = refusal(() =>
      writeRemitTable1({
        version: 'V2',
        reportingEntity: sample.desk.acer,
        orders: [],
        trades: [sample.exchangeBuy, { ...sample.exchangeSell, executedAt: '2026-03-06T15:42:10' }],
      }),
    );
    expect(error.code).toBe('report_record_invalid');
    expect(error.fieldIssues).toEqual([
      expect.objectContaining({ field: 'trades[1].executedAt', rule: 'timestamp_with_offset' }),
    ]);
  });

  it('refuses a float-formatted price and a delivery that ends before it starts', () => {
    const error = refusal(() =>
      writeRemitTable2({
        reportingEntity: sample.desk.acer,
        contracts: [
          {
            ...sample.solarPpa,
            price: { value: '1e3', currency: 'EUR' },
            deliveryEnd: '2026-12-31',
          },
        ],
      }),
    );
    expect(error.fieldIssues.map((issue) => issue.field)).toEqual([
      'contracts[0].deliveryEnd',
      'contracts[0].price.value',
    ]);
  });

  it('refuses a non-standard contract with both a price and a formula, or no counterparty', () => {
    const error = refusal(() =>
      writeRemitTable2({
        reportingEntity: sample.desk.acer,
        contracts: [
          {
            ...sample.indexedGasSupply,
            price: { value: '30', currency: 'EUR' },
            otherMarketParticipants: [],
          },
        ],
      }),
    );
    expect(error.fieldIssues.map((issue) => issue.rule).sort()).toEqual(['one_of', 'required']);
  });

  it('refuses an EMIR trade whose dates are not calendar dates', () => {
    const error = refusal(() =>
      writeEmirSubmission({
        fromLei: sample.desk.lei,
        to: sample.tradeRepository,
        messageId: 'x',
        createdAt: 0,
        trades: [{ ...sample.powerForward, expiryDate: '2026-02-30' }],
      }),
    );
    expect(error.fieldIssues[0]).toMatchObject({ field: 'trades[0].expiryDate', rule: 'date' });
  });

  it('refuses an EMIR counterparty LEI whose check digits are wrong', () => {
    const error = refusal(() =>
      writeEmirSubmission({
        fromLei: sample.desk.lei,
        to: sample.tradeRepository,
        messageId: 'x',
        createdAt: 0,
        trades: [
          {
            ...sample.powerForward,
            otherCounterparty: { lei: '5299000NORDUTIL00154', reportingObligation: true },
          },
        ],
      }),
    );
    expect(error.fieldIssues).toEqual([
      expect.objectContaining({ field: 'trades[0].otherCounterparty.lei', rule: 'lei' }),
    ]);
  });

  it('escapes text so a contract name cannot break the document', () => {
    const xml = writeRemitTable1({
      version: 'V3',
      reportingEntity: sample.desk.acer,
      orders: [],
      trades: [
        {
          ...sample.exchangeBuy,
          contract: { ...sample.germanPowerApril, contractName: 'Base <&> "peak"' },
        },
      ],
    });
    expect(xml).toContain('<contractName>Base &lt;&amp;&gt; "peak"</contractName>');
  });
});
