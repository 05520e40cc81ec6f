/**
 * A small XML reader for the market documents we ingest: elements, attributes,
 * text, comments, CDATA and the predefined and numeric entities. No DTDs and no
 * namespace resolution: prefixes are dropped, which is safe for documents whose
 * elements all live in one namespace, as ENTSO-E's do.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at character ${position}`);
    this.name = 'XmlSyntaxError';
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string, position: number): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    const value = ENTITIES[entity];
    if (value === undefined) throw new XmlSyntaxError(`unknown entity &${entity};`, position);
    return value;
  });
}

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1);

export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let index = 0;
  const top = (): XmlElement => stack[stack.length - 1] ?? root;
  const skipPast = (terminator: string, what: string): void => {
    const end = source.indexOf(terminator, index);
    if (end < 0) throw new XmlSyntaxError(`unterminated ${what}`, index);
    index = end + terminator.length;
  };

  while (index < source.length) {
    const open = source.indexOf('<', index);
    const textEnd = open < 0 ? source.length : open;
    if (textEnd > index) {
      const text = source.slice(index, textEnd);
      if (stack.length === 1 && text.trim() !== '')
        throw new XmlSyntaxError('text outside the root element', index);
      top().text += decodeEntities(text, index);
    }
    if (open < 0) break;
    index = open;
    if (source.startsWith('<?', index)) skipPast('?>', 'processing instruction');
    else if (source.startsWith('<!--', index)) skipPast('-->', 'comment');
    else if (source.startsWith('<![CDATA[', index)) {
      const end = source.indexOf(']]>', index);
      if (end < 0) throw new XmlSyntaxError('unterminated CDATA section', index);
      top().text += source.slice(index + 9, end);
      index = end + 3;
    } else if (source.startsWith('<!', index)) skipPast('>', 'declaration');
    else if (source.startsWith('</', index)) {
      const end = source.indexOf('>', index);
      if (end < 0) throw new XmlSyntaxError('unterminated closing tag', index);
      const name = localName(source.slice(index + 2, end).trim());
      const element = stack.pop();
      if (!element || element === root || element.name !== name) {
        throw new XmlSyntaxError(
          `closing tag </${name}> does not match <${element?.name ?? 'nothing'}>`,
          index,
        );
      }
      index = end + 1;
    } else {
      index = readStartTag(source, index, top(), stack);
    }
  }
  if (stack.length > 1)
    throw new XmlSyntaxError(`element <${top().name}> is never closed`, source.length);
  const [documentElement, ...others] = root.children;
  if (!documentElement || others.length > 0)
    throw new XmlSyntaxError('a document needs exactly one root element', 0);
  return documentElement;
}

const TAG = /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function readStartTag(
  source: string,
  index: number,
  parent: XmlElement,
  stack: XmlElement[],
): number {
  const match = TAG.exec(source.slice(index, index + 4096));
  if (!match) throw new XmlSyntaxError('malformed start tag', index);
  const element: XmlElement = {
    name: localName(match[1] ?? ''),
    attributes: {},
    children: [],
    text: '',
  };
  for (const attribute of (match[2] ?? '').matchAll(ATTRIBUTE)) {
    element.attributes[localName(attribute[1] ?? '')] = decodeEntities(
      attribute[2] ?? attribute[3] ?? '',
      index,
    );
  }
  if (stack.length === 1 && parent.children.length > 0)
    throw new XmlSyntaxError('a second root element', index);
  parent.children.push(element);
  if (match[3] !== '/') stack.push(element);
  return index + match[0].length;
}

/** Direct children with a name. */
export const childrenNamed = (element: XmlElement, name: string): XmlElement[] =>
  element.children.filter((child) => child.name === name);

/** Text of the first direct child with a name, trimmed; undefined when absent. */
export function childText(element: XmlElement, name: string): string | undefined {
  return element.children.find((child) => child.name === name)?.text.trim();
}
