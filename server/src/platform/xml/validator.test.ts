import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSchemaSource } from './schema-directory.js';
import { sharedDataDirectory } from './shared-data-fixtures.js';
import { compileSchema, wellFormednessProblems, XmlSchemaCompileError } from './validator.js';

const data = sharedDataDirectory();
const source = readSchemaSource(data, 'test-remit-table1-v2', 'remit/REMITTable1_V2.xsd');
if (!source) throw new Error('REMITTable1_V2.xsd is missing from the shared data');
const table1V2 = compileSchema(source);
afterAll(() => table1V2.dispose());

const examples = readdirSync(join(data, 'remit/examples')).filter((file) => file.endsWith('.xml'));
const example = (file: string): string => readFileSync(join(data, 'remit/examples', file), 'utf8');

describe('XML Schema validation', () => {
  it('finds ACER example reports to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples)('accepts ACER example %s against REMITTable1_V2.xsd', (file) => {
    expect(table1V2.validate(example(file))).toEqual({ valid: true });
  });

  it('names the element and line of a value outside the schema enumeration', () => {
    const original = example('EXAMPLE.0102.xml');
    const broken = original.replace(
      '<contractType>AU</contractType>',
      '<contractType>WRONG</contractType>',
    );
    expect(broken).not.toBe(original);
    const line = broken.split('\n').findIndex((text) => text.includes('WRONG')) + 1;
    const result = table1V2.validate(broken);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.wellFormed).toBe(true);
    expect(result.problems[0]).toMatchObject({ element: 'contractType', line });
    expect(result.problems[0]?.message).toContain('enumeration');
  });

  it('names a missing required element', () => {
    const broken = example('EXAMPLE.0102.xml').replace(
      /<reportingEntityID>[\s\S]*?<\/reportingEntityID>/,
      '',
    );
    const result = table1V2.validate(broken);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.problems[0]?.element).toBe('contractList');
    expect(result.problems[0]?.message).toContain('reportingEntityID');
  });

  it('reports input that is not XML as not well-formed, with the line', () => {
    for (const text of ['this is not xml', '', '<REMITTable1><open></REMITTable1>']) {
      const result = table1V2.validate(text);
      expect(result.valid).toBe(false);
      if (result.valid) continue;
      expect(result.wellFormed).toBe(false);
      expect(result.problems[0]?.line).toBeGreaterThanOrEqual(1);
      expect(result.problems[0]?.message.length).toBeGreaterThan(0);
    }
    expect(wellFormednessProblems('<a><b/></a>')).toEqual([]);
    expect(wellFormednessProblems('<a>\n<b></a>')[0]?.line).toBe(2);
  });

  it('refuses a document with a DTD, so it cannot bring its own entities', () => {
    const withEntity = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <REMITTable1 xmlns="http://www.acer.europa.eu/REMIT/REMITTable1_V2.xsd">&x;</REMITTable1>`;
    const result = table1V2.validate(withEntity);
    expect(result.valid).toBe(false);
    if (result.valid) return;
    expect(result.wellFormed).toBe(false);
    expect(result.problems[0]).toMatchObject({ line: 1 });
    expect(result.problems[0]?.message).toContain('DTD');
  });

  it('resolves xs:import across the EMIR head.001 and auth.030 schemas', () => {
    const emir = compileSchema({
      name: 'test-emir-pair',
      entry: 'pair.xsd',
      files: {
        'pair.xsd': `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test:pair">
          <xs:import namespace="urn:iso:std:iso:20022:tech:xsd:head.001.001.01" schemaLocation="emir/head.xsd"/>
          <xs:import namespace="urn:iso:std:iso:20022:tech:xsd:auth.030.001.03" schemaLocation="emir/auth.xsd"/>
        </xs:schema>`,
        'emir/head.xsd': readFileSync(
          join(data, 'emir/head.001.001.01_ESMA_restricted.xsd'),
          'utf8',
        ),
        'emir/auth.xsd': readFileSync(
          join(data, 'emir/auth.030.001.03_ESMAUG_DATTAR_1.1.0.xsd'),
          'utf8',
        ),
      },
    });
    try {
      const envelope = `<BizData xmlns="urn:test:envelope">
  <AppHdr xmlns="urn:iso:std:iso:20022:tech:xsd:head.001.001.01"><Fr/></AppHdr>
  <Document xmlns="urn:iso:std:iso:20022:tech:xsd:auth.030.001.03"><DerivsTradRpt/></Document>
</BizData>`;
      const parts = [
        'urn:iso:std:iso:20022:tech:xsd:head.001.001.01',
        'urn:iso:std:iso:20022:tech:xsd:auth.030.001.03',
      ];
      const result = emir.validate(envelope, { partsInNamespaces: parts });
      expect(result.valid).toBe(false);
      if (result.valid) return;
      const elements = result.problems.map((problem) => [problem.element, problem.line]);
      expect(elements).toContainEqual(['Fr', 2]);
      expect(elements).toContainEqual(['DerivsTradRpt', 3]);
      const none = emir.validate('<Other xmlns="urn:x"/>', { partsInNamespaces: parts });
      expect(none.valid).toBe(false);
    } finally {
      emir.dispose();
    }
  });

  it('fails to compile a schema whose import is not among its files', () => {
    expect(() =>
      compileSchema({
        name: 'test-missing-import',
        entry: 'a.xsd',
        files: {
          'a.xsd': `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a">
            <xs:import namespace="urn:b" schemaLocation="b.xsd"/>
            <xs:element name="a" type="b:t" xmlns:b="urn:b"/>
          </xs:schema>`,
        },
      }),
    ).toThrow(XmlSchemaCompileError);
  });
});
