import { describe, expect, it } from 'vitest';
import { childText, findAll, readXml, XmlNotWellFormedError } from './read.js';

describe('reading XML', () => {
  it('keeps names, namespaces, attributes, text and lines', () => {
    const tree = readXml(`<a xmlns="urn:a">
  <b xmlns="urn:b" k="v">one &amp; two</b>
  <c><b>three</b></c>
</a>`);
    expect(tree).toMatchObject({ name: 'a', namespace: 'urn:a', line: 1 });
    expect(tree.children[0]).toMatchObject({
      name: 'b',
      namespace: 'urn:b',
      attributes: { k: 'v' },
      line: 2,
    });
    expect(childText(tree, 'b')).toBe('one & two');
    expect(findAll(tree, 'b').map((b) => b.text)).toEqual(['one & two', 'three']);
  });

  it('refuses text that is not XML, naming the line', () => {
    expect(() => readXml('PK\u0003\u0004 a zip file')).toThrow(XmlNotWellFormedError);
    expect(() => readXml('<a>\n<b></a>')).toThrow(/line 2/);
    expect(() => readXml('   ')).toThrow(/empty/);
    expect(() => readXml('<!DOCTYPE a><a/>')).toThrow(/DTD/);
  });
});
