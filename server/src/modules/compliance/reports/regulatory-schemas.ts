import {
  compileSchema,
  readSchemaSource,
  type XmlSchema,
  type XmlSchemaSource,
  type XmlValidation,
} from '../../../platform/xml/index.js';
import { emirNamespaces } from './domain/emir-refit.js';

/**
 * The regulators' schemas each report format is checked against, by path under the
 * schema directory (laid out as `../shared/data`: `remit/`, `emir/`). ESMA's envelope
 * (head.003) is not among the published files, so an EMIR file is validated part by
 * part: its AppHdr against head.001 and its Document against auth.030, both imported by
 * one small schema of our own.
 */
export type ReportFormat =
  'remit-table1-v2' | 'remit-table1-v3' | 'remit-table2-v1' | 'emir-auth030' | 'emir-auth092';

const HEAD_001 = 'emir/head.001.001.01_ESMA_restricted.xsd';
const AUTH_030 = 'emir/auth.030.001.03_ESMAUG_DATTAR_1.1.0.xsd';
const AUTH_092 = 'emir/auth.092.001.04_ESMAUG_DATREJ_1.0.0.xsd';

const importing = (imports: Record<string, string>): string =>
  `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:energyopti:regulatory-parts">\n` +
  Object.entries(imports)
    .map(
      ([namespace, location]) =>
        `  <xs:import namespace="${namespace}" schemaLocation="${location}"/>\n`,
    )
    .join('') +
  `</xs:schema>\n`;

interface FormatSchema {
  source(directory: string): XmlSchemaSource | undefined;
  /** For an envelope: the namespaces of the parts to validate. */
  parts?: readonly string[];
}

const single = (format: ReportFormat, path: string): FormatSchema => ({
  source: (directory) => readSchemaSource(directory, format, path),
});

const envelopeParts = (format: ReportFormat, imports: Record<string, string>): FormatSchema => ({
  source: (directory) => {
    const files = readSchemaSource(
      directory,
      format,
      Object.values(imports)[0] ?? '',
      Object.values(imports),
    );
    if (!files) return undefined;
    return {
      ...files,
      entry: 'parts.xsd',
      files: { ...files.files, 'parts.xsd': importing(imports) },
    };
  },
  parts: Object.keys(imports),
});

const catalogue: Record<ReportFormat, FormatSchema> = {
  'remit-table1-v2': single('remit-table1-v2', 'remit/REMITTable1_V2.xsd'),
  'remit-table1-v3': single('remit-table1-v3', 'remit/REMITTable1_V3.xsd'),
  'remit-table2-v1': single('remit-table2-v1', 'remit/REMITTable2_V1.xsd'),
  'emir-auth030': envelopeParts('emir-auth030', {
    [emirNamespaces.header]: HEAD_001,
    [emirNamespaces.report]: AUTH_030,
  }),
  'emir-auth092': envelopeParts('emir-auth092', {
    [emirNamespaces.header]: HEAD_001,
    'urn:iso:std:iso:20022:tech:xsd:auth.092.001.04': AUTH_092,
  }),
};

export const reportFormats = Object.keys(catalogue) as ReportFormat[];

export interface RegulatorySchemas {
  /** Formats whose schemas were found and compiled. */
  readonly available: ReadonlySet<ReportFormat>;
  /** The validation of `xml` as `format`, or undefined when that schema is not available. */
  validate(format: ReportFormat, xml: string): XmlValidation | undefined;
  dispose(): void;
}

/**
 * Compiles every schema found under `directory` (undefined: none). Compiling auth.030
 * takes a few hundred milliseconds, so a process does this once and keeps the result.
 */
export function loadRegulatorySchemas(directory: string | undefined): RegulatorySchemas {
  const compiled = new Map<ReportFormat, XmlSchema>();
  if (directory !== undefined) {
    for (const format of reportFormats) {
      const source = catalogue[format].source(directory);
      if (source) compiled.set(format, compileSchema(source));
    }
  }
  return {
    available: new Set(compiled.keys()),
    validate(format, xml) {
      const schema = compiled.get(format);
      const parts = catalogue[format].parts;
      return schema?.validate(xml, parts ? { partsInNamespaces: parts } : {});
    },
    dispose() {
      for (const schema of compiled.values()) schema.dispose();
      compiled.clear();
    },
  };
}
