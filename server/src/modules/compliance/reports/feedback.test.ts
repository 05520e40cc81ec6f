import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.js';
import { sharedDataDirectory } from '../../../platform/xml/shared-data-fixtures.js';
import { readFeedback } from './feedback.js';
import { loadRegulatorySchemas } from './regulatory-schemas.js';
import { desk, powerForward } from './sample-records-fixtures.js';

const schemas = loadRegulatorySchemas(sharedDataDirectory());
afterAll(() => schemas.dispose());

/** A trade repository's rejection report for the day: `rejected` of `total` reports refused. */
const datrej = (
  total: number,
  rejected: number,
  rejections: string,
): string => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:auth.092.001.04">
  <DerivsTradRjctnSttstclRpt>
    <RjctnSttstcs>
      <Rpt>
        <RefDt>2026-03-12</RefDt>
        <TtlNbOfRpts>${total}</TtlNbOfRpts>
        <TtlNbOfRptsAccptd>${total - rejected}</TtlNbOfRptsAccptd>
        <TtlNbOfRptsRjctd>${rejected}</TtlNbOfRptsRjctd>
        <TtlNbOfTxs>${total}</TtlNbOfTxs>
        <TtlNbOfTxsAccptd>${total - rejected}</TtlNbOfTxsAccptd>
        <TtlNbOfTxsRjctd>${rejected}</TtlNbOfTxsRjctd>
        <RjctnSttstcs>
          <CtrPtyId>
            <RptgCtrPty><LEI>${desk.lei}</LEI></RptgCtrPty>
          </CtrPtyId>
          <RptSttstcs>
            <TtlNbOfRpts>${total}</TtlNbOfRpts>
            <TtlNbOfRptsAccptd>${total - rejected}</TtlNbOfRptsAccptd>
            <TtlNbOfRptsRjctd>${rejected}</TtlNbOfRptsRjctd>
          </RptSttstcs>
          <DerivSttstcs>
            <DtldSttstcs>
              <TtlNbOfTxs>${total}</TtlNbOfTxs>
              <TtlNbOfTxsAccptd>${total - rejected}</TtlNbOfTxsAccptd>
              <TtlNbOfTxsRjctd>${rejected}</TtlNbOfTxsRjctd>${rejections}
            </DtldSttstcs>
          </DerivSttstcs>
        </RjctnSttstcs>
      </Rpt>
    </RjctnSttstcs>
  </DerivsTradRjctnSttstclRpt>
</Document>
`;

const rejectedForward = `
              <TxsRjctnsRsn>
                <TxId>
                  <ActnTp>MODI</ActnTp>
                  <UnqIdr><UnqTxIdr>${powerForward.uti}</UnqTxIdr></UnqIdr>
                </TxId>
                <Sts>RJCT</Sts>
                <DtldVldtnRule>
                  <Id>EMIR-VR-2052</Id>
                  <Desc>Price currency does not match the notional currency</Desc>
                </DtldVldtnRule>
              </TxsRjctnsRsn>`;

const refusal = (text: string): DomainError => {
  try {
    readFeedback('emir-auth092', text, schemas);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the feedback file to be refused');
};

describe('regulator feedback files', () => {
  it('reads an EMIR rejection report: the rejected UTI and the rule it broke', () => {
    const feedback = readFeedback('emir-auth092', datrej(3, 1, rejectedForward), schemas);
    expect(feedback).toMatchObject({
      outcome: 'rejected',
      referenceDate: '2026-03-12',
      totals: { reports: 3, accepted: 2, rejected: 1 },
    });
    expect(feedback.rejections).toEqual([
      {
        recordId: powerForward.uti,
        rule: 'EMIR-VR-2052',
        reason: 'Price currency does not match the notional currency',
      },
    ]);
  });

  it('reads a report with nothing rejected as a receipt', () => {
    expect(readFeedback('emir-auth092', datrej(3, 0, ''), schemas)).toMatchObject({
      outcome: 'accepted',
      rejections: [],
    });
  });

  it('refuses a file that is not XML with a 4xx naming the file and the line', () => {
    const error = refusal('TtlNbOfRpts;3\nTtlNbOfRptsRjctd;1\n');
    expect(error).toMatchObject({ kind: 'validation', code: 'feedback_not_xml' });
    expect(error.fieldIssues[0]?.field).toBe('file');
    expect(error.message).toContain('line 1');
  });

  it('refuses XML that is not a rejection report, naming the element and line', () => {
    const broken = datrej(3, 1, rejectedForward).replace('<Sts>RJCT</Sts>', '<Sts>MAYBE</Sts>');
    const line = broken.split('\n').findIndex((text) => text.includes('MAYBE')) + 1;
    const error = refusal(broken);
    expect(error.code).toBe('feedback_invalid');
    expect(error.message).toContain(`<Sts> at line ${line}`);
  });
});
