import type { ErrorDetail } from 'libxml2-wasm';

/** One reason a document is not well-formed or not valid, as a reviewer reads it. */
export interface XmlProblem {
  /** Local name of the element the validator complains about; absent for syntax errors. */
  element?: string;
  /** 1-based line in the document (0 when libxml2 does not know it). */
  line: number;
  column?: number;
  message: string;
  /** Position of the element, as an XPath the validator reports. */
  path?: string;
}

// libxml2 names elements as `Element '{namespace}local'` or `Element 'prefix:local'`.
const ELEMENT = /^Element '(?:\{[^}]*\})?(?:[^':]+:)?([^']+)'(?:, attribute '[^']+')?: /;

export function toProblem(detail: ErrorDetail): XmlProblem {
  const text = detail.message.trim();
  const match = ELEMENT.exec(text);
  const problem: XmlProblem = {
    line: detail.line,
    message: match ? text.slice(match[0].length) : text,
  };
  if (match?.[1]) problem.element = match[1];
  if (detail.col) problem.column = detail.col;
  if (detail.xpath) problem.path = detail.xpath;
  return problem;
}

export function describeProblem(problem: XmlProblem): string {
  const where = problem.element
    ? `<${problem.element}> at line ${problem.line}`
    : `line ${problem.line}`;
  return `${where}: ${problem.message}`;
}
