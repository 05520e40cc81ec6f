import {
  ParseOption,
  XmlDocument,
  XmlElement,
  XmlParseError,
  XmlText,
  XmlCData,
} from 'libxml2-wasm';
import { toProblem, type XmlProblem } from './problems.js';

/**
 * A parsed document as plain data, for reading values out of a file that has already
 * passed its schema (a regulator's feedback). Namespaces are kept, since one file mixes
 * several (an AppHdr and a Document), and every element knows its line for messages.
 */
export interface XmlTree {
  name: string;
  namespace: string;
  attributes: Record<string, string>;
  text: string;
  line: number;
  children: XmlTree[];
}

export class XmlNotWellFormedError extends Error {
  constructor(readonly problems: XmlProblem[]) {
    super(`not well-formed XML: ${problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
    this.name = 'XmlNotWellFormedError';
  }
}

function toTree(element: XmlElement): XmlTree {
  const tree: XmlTree = {
    name: element.name,
    namespace: element.namespaceUri,
    attributes: Object.fromEntries(
      element.attrs.map((attribute) => [attribute.name, attribute.value]),
    ),
    text: '',
    line: element.line,
    children: [],
  };
  for (let node = element.firstChild; node; node = node.next) {
    if (node instanceof XmlElement) tree.children.push(toTree(node));
    else if (node instanceof XmlText || node instanceof XmlCData) tree.text += node.content;
  }
  tree.text = tree.text.trim();
  return tree;
}

/** Parses `xml` (no DTDs, no network); throws XmlNotWellFormedError naming the line. */
export function readXml(xml: string): XmlTree {
  if (xml.trim() === '')
    throw new XmlNotWellFormedError([{ line: 1, message: 'the document is empty' }]);
  if (/<!DOCTYPE/i.test(xml)) {
    throw new XmlNotWellFormedError([
      { line: 1, message: 'a document type declaration (DTD) is not accepted' },
    ]);
  }
  let document: XmlDocument;
  try {
    document = XmlDocument.fromString(xml, { option: ParseOption.XML_PARSE_NONET });
  } catch (error) {
    if (error instanceof XmlParseError)
      throw new XmlNotWellFormedError(error.details.map(toProblem));
    throw error;
  }
  try {
    return toTree(document.root);
  } finally {
    document.dispose();
  }
}

/** Every descendant (or self) named `name`, in document order. */
export function findAll(tree: XmlTree, name: string): XmlTree[] {
  const found = tree.name === name ? [tree] : [];
  for (const child of tree.children) found.push(...findAll(child, name));
  return found;
}

/** Text of the first child named `name`, if any. */
export function childText(tree: XmlTree, name: string): string | undefined {
  return tree.children.find((child) => child.name === name)?.text;
}
