import {
  ParseOption,
  XmlDocument,
  XmlElement,
  XmlError,
  XmlLibError,
  XmlParseError,
  XsdValidator,
} from 'libxml2-wasm';
import { publishSchemaSources } from './schema-sources.js';
import { toProblem, type XmlProblem } from './problems.js';

/**
 * XML Schema validation on libxml2 compiled to WebAssembly: the same engine as
 * `xmllint --schema`, with no native build. Documents are parsed without DTD loading,
 * entity substitution or network access, so an uploaded file cannot pull anything in.
 */

/** A schema and the files it includes or imports, by path relative to one another. */
export interface XmlSchemaSource {
  /** Unique name of this set, e.g. `remit-table1-v3`; it scopes the published files. */
  name: string;
  /** Path (a key of `files`) of the schema to compile. */
  entry: string;
  files: Record<string, string>;
}

export type XmlValidation =
  { valid: true } | { valid: false; wellFormed: boolean; problems: XmlProblem[] };

export interface ValidateOptions {
  /**
   * Validate the outermost elements in these namespaces instead of the root: for an
   * envelope whose own schema is not at hand (ESMA's BizData carries a head.001 AppHdr
   * and an auth.030 Document). An envelope with none of them is invalid.
   */
  partsInNamespaces?: readonly string[];
}

export interface XmlSchema {
  readonly name: string;
  validate(xml: string, options?: ValidateOptions): XmlValidation;
  dispose(): void;
}

export class XmlSchemaCompileError extends Error {
  constructor(
    readonly schema: string,
    readonly problems: XmlProblem[],
  ) {
    super(`schema ${schema} does not compile: ${problems.map((p) => p.message).join('; ')}`);
    this.name = 'XmlSchemaCompileError';
  }
}

const SAFE_PARSING = ParseOption.XML_PARSE_NONET;

const problemsOf = (error: unknown): XmlProblem[] => {
  if (error instanceof XmlLibError && error.details.length > 0) return error.details.map(toProblem);
  return [{ line: 0, message: error instanceof Error ? error.message : String(error) }];
};

type Parsed = { document: XmlDocument } | { problems: XmlProblem[] };

// Regulatory documents never carry a DTD; refusing one rules out entity tricks outright.
const DOCTYPE = /<!DOCTYPE/i;

function parse(xml: string, url?: string): Parsed {
  if (xml.trim() === '') return { problems: [{ line: 1, message: 'the document is empty' }] };
  const doctype = DOCTYPE.exec(xml);
  if (doctype) {
    const line = xml.slice(0, doctype.index).split('\n').length;
    return { problems: [{ line, message: 'a document type declaration (DTD) is not accepted' }] };
  }
  try {
    return {
      document: XmlDocument.fromString(xml, { option: SAFE_PARSING, ...(url ? { url } : {}) }),
    };
  } catch (error) {
    if (error instanceof XmlParseError) return { problems: problemsOf(error) };
    throw error;
  }
}

/** Syntax problems of `xml` (empty when it is well-formed XML). */
export function wellFormednessProblems(xml: string): XmlProblem[] {
  const parsed = parse(xml);
  if ('problems' in parsed) return parsed.problems;
  parsed.document.dispose();
  return [];
}

function outermostIn(root: XmlElement, namespaces: ReadonlySet<string>): XmlElement[] {
  if (namespaces.has(root.namespaceUri)) return [root];
  const found: XmlElement[] = [];
  for (let node = root.firstChild; node; node = node.next) {
    if (node instanceof XmlElement) found.push(...outermostIn(node, namespaces));
  }
  return found;
}

export function compileSchema(source: XmlSchemaSource): XmlSchema {
  const entryText = source.files[source.entry];
  if (entryText === undefined)
    throw new Error(`schema set ${source.name} has no file ${source.entry}`);
  const base = publishSchemaSources(source.name, source.files);
  const parsed = parse(entryText, base + source.entry);
  if ('problems' in parsed) throw new XmlSchemaCompileError(source.name, parsed.problems);
  let validator: XsdValidator;
  try {
    validator = XsdValidator.fromDoc(parsed.document);
  } catch (error) {
    throw new XmlSchemaCompileError(source.name, problemsOf(error));
  } finally {
    parsed.document.dispose();
  }

  return {
    name: source.name,
    validate(xml, options = {}) {
      const document = parse(xml);
      if ('problems' in document)
        return { valid: false, wellFormed: false, problems: document.problems };
      try {
        const targets = options.partsInNamespaces
          ? outermostIn(document.document.root, new Set(options.partsInNamespaces))
          : [document.document.root];
        if (targets.length === 0) {
          const expected = options.partsInNamespaces?.join(', ') ?? '';
          const problem = {
            element: document.document.root.name,
            line: document.document.root.line,
          };
          return {
            valid: false,
            wellFormed: true,
            problems: [{ ...problem, message: `contains no element in ${expected}` }],
          };
        }
        const problems: XmlProblem[] = [];
        for (const target of targets) {
          try {
            validator.validate(target);
          } catch (error) {
            if (!(error instanceof XmlError)) throw error;
            problems.push(...problemsOf(error));
          }
        }
        return problems.length === 0
          ? { valid: true }
          : { valid: false, wellFormed: true, problems };
      } finally {
        document.document.dispose();
      }
    },
    dispose: () => validator.dispose(),
  };
}
