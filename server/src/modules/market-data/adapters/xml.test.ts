import { describe, expect, it } from 'vitest';
import { childText, childrenNamed, parseXml } from './xml.js';

describe('XML reader', () => {
  it('reads nested elements, attributes, entities, CDATA and drops namespace prefixes', () => {
    const root = parseXml(`<?xml version="1.0"?>
      <!-- a comment -->
      <ns:Doc xmlns:ns="urn:x" kind='a&amp;b'>
        <ns:Item id="1">Fish &amp; chips &#8364;</ns:Item>
        <Item id="2"><![CDATA[<raw> & text]]></Item>
        <Empty/>
      </ns:Doc>`);
    expect(root.name).toBe('Doc');
    expect(root.attributes.kind).toBe('a&b');
    expect(childrenNamed(root, 'Item').map((item) => item.text)).toEqual([
      'Fish & chips €',
      '<raw> & text',
    ]);
    expect(childText(root, 'Empty')).toBe('');
  });

  it('names the mismatched tag and where it is', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(
      /closing tag <\/a> does not match <b> at character 6/,
    );
    expect(() => parseXml('<a><b>')).toThrow(/<b> is never closed/);
    expect(() => parseXml('<a/><b/>')).toThrow(/second root/);
    expect(() => parseXml('<a>&bogus;</a>')).toThrow(/unknown entity/);
  });
});
