// Lints a few made-up imports against the boundary rule and fails unless each crossing is
// reported and each allowed import is not. The rule skips any import it cannot resolve, so
// a resolver that stopped finding `.ts` files behind `.js` specifiers would silently pass
// everything; this check, run by `npm run lint`, catches that.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { boundaries, SERVER_MODULES, WEB_FEATURES } from '../eslint.boundaries.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entries = (dir) => readdirSync(path.join(root, dir), { withFileTypes: true });
const folders = (dir) =>
  entries(dir)
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
const sources = (dir) =>
  entries(dir)
    .filter(
      (e) =>
        e.isFile() &&
        /\.tsx?$/.test(e.name) &&
        !/^index\.tsx?$/.test(e.name) &&
        !e.name.includes('.test.'),
    )
    .map((e) => e.name)
    .sort();

const [moduleA, moduleB] = folders(SERVER_MODULES);
const internalOfB = sources(`${SERVER_MODULES}/${moduleB}`)[0].replace(/\.ts$/, '.js');
const [featureA, featureB] = folders(WEB_FEATURES);
const internalOfFeatureB = sources(`${WEB_FEATURES}/${featureB}`)[0].replace(/\.tsx?$/, '');

const probes = [
  {
    file: `${SERVER_MODULES}/${moduleA}/probe.ts`,
    from: `../${moduleB}/${internalOfB}`,
    errors: 1,
  },
  {
    file: `${SERVER_MODULES}/${moduleA}/domain/probe.ts`,
    from: `../../${moduleB}/${internalOfB}`,
    errors: 1,
  },
  { file: `${SERVER_MODULES}/${moduleA}/probe.ts`, from: `../${moduleB}/index.js`, errors: 0 },
  { file: 'server/src/platform/probe.ts', from: `../modules/${moduleA}/index.js`, errors: 1 },
  {
    file: `${WEB_FEATURES}/${featureA}/probe.tsx`,
    from: `../${featureB}/${internalOfFeatureB}`,
    errors: 1,
  },
  {
    file: 'web/src/components/probe.tsx',
    from: `../features/${featureB}/${internalOfFeatureB}`,
    errors: 1,
  },
  { file: `${WEB_FEATURES}/${featureA}/probe.tsx`, from: '../../components/format', errors: 0 },
];

const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: boundaries });
let failed = 0;
for (const probe of probes) {
  const [result] = await eslint.lintText(
    `import * as probe from '${probe.from}';\nexport { probe };\n`,
    {
      filePath: path.join(root, probe.file),
    },
  );
  const found = result.messages.filter((m) => m.ruleId === 'import-x/no-restricted-paths').length;
  const other = result.messages.filter((m) => m.ruleId !== 'import-x/no-restricted-paths');
  const ok = found === probe.errors && other.length === 0;
  if (!ok) failed += 1;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${probe.file} importing ${probe.from}: ${found} boundary error(s), expected ${probe.errors}`,
  );
  for (const m of other) console.log(`     ${m.ruleId ?? 'fatal'}: ${m.message}`);
}
if (failed > 0) {
  console.error(`\nThe boundary rule misjudged ${failed} probe(s); see eslint.boundaries.js.`);
  process.exit(1);
}
