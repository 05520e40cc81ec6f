import type { XmlProblem } from '../../../platform/xml/index.js';
import type { RegulatorySchemas, ReportFormat } from './regulatory-schemas.js';

/**
 * A written report and whether it may go to the regulator. Only a report that passed
 * its official schema is ready; with the schema missing it is "not validated", which is
 * never ready either (passing the XSD is necessary, not sufficient, but it is the floor).
 */
export interface PreparedReport {
  format: ReportFormat;
  xml: string;
  validation: 'valid' | 'invalid' | 'not_validated';
  ready: boolean;
  problems: XmlProblem[];
}

export function prepareReport(
  format: ReportFormat,
  xml: string,
  schemas: RegulatorySchemas,
): PreparedReport {
  const result = schemas.validate(format, xml);
  if (result === undefined) {
    return {
      format,
      xml,
      validation: 'not_validated',
      ready: false,
      problems: [{ line: 0, message: `the ${format} schema is not available to this server` }],
    };
  }
  if (result.valid) return { format, xml, validation: 'valid', ready: true, problems: [] };
  return { format, xml, validation: 'invalid', ready: false, problems: result.problems };
}
