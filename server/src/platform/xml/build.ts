/**
 * Writing XML for regulators: an element tree rendered with escaping and indentation.
 * Optional fields are passed as `undefined` or `false` and simply left out, so a writer
 * reads like the schema's sequence.
 */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text?: string;
}

export type XmlChild = XmlNode | undefined | false | null | readonly XmlChild[];

const flatten = (children: readonly XmlChild[]): XmlNode[] =>
  children.flatMap((child): XmlNode[] => {
    if (!child) return [];
    if (Array.isArray(child)) return flatten(child as readonly XmlChild[]);
    return [child as XmlNode];
  });

/** An element with child elements. */
export function el(name: string, ...children: XmlChild[]): XmlNode {
  return { name, attributes: {}, children: flatten(children) };
}

/** An element holding text; `undefined` value leaves the element out. */
export function leaf(
  name: string,
  value: string | number | boolean | undefined,
  attributes: Record<string, string> = {},
): XmlNode | undefined {
  if (value === undefined) return undefined;
  return { name, attributes, children: [], text: String(value) };
}

export function withAttributes(node: XmlNode, attributes: Record<string, string>): XmlNode {
  return { ...node, attributes: { ...node.attributes, ...attributes } };
}

const escapeText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string): string => escapeText(text).replace(/"/g, '&quot;');

function render(node: XmlNode, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const attributes = Object.entries(node.attributes)
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join('');
  if (node.text !== undefined) {
    out.push(`${pad}<${node.name}${attributes}>${escapeText(node.text)}</${node.name}>`);
  } else if (node.children.length === 0) {
    out.push(`${pad}<${node.name}${attributes}/>`);
  } else {
    out.push(`${pad}<${node.name}${attributes}>`);
    for (const child of node.children) render(child, depth + 1, out);
    out.push(`${pad}</${node.name}>`);
  }
}

/** The document as UTF-8 XML text with a declaration, one element per line. */
export function renderXml(root: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  render(root, 0, out);
  return out.join('\n') + '\n';
}
