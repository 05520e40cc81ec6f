export { el, leaf, renderXml, withAttributes, type XmlChild, type XmlNode } from './build.js';
export { describeProblem, type XmlProblem } from './problems.js';
export { readSchemaSource, resolveSchemaDirectory } from './schema-directory.js';
export {
  compileSchema,
  wellFormednessProblems,
  XmlSchemaCompileError,
  type ValidateOptions,
  type XmlSchema,
  type XmlSchemaSource,
  type XmlValidation,
} from './validator.js';
export { childText, findAll, readXml, XmlNotWellFormedError, type XmlTree } from './read.js';
