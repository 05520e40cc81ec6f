import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/**
 * Module boundaries, held by lint rather than by discipline. A server module reads
 * another only through that module's index.ts; the platform reads no module; a web
 * feature reads another only through that feature's index.ts (shared UI lives in
 * web/src/components, app-level code in web/src/app) and shared components read no feature. The zones are generated from the folders, so a new
 * module or feature is covered the day it is created.
 */
const root = path.dirname(fileURLToPath(import.meta.url));
const foldersOf = (dir) =>
  readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

export const SERVER_MODULES = 'server/src/modules';
export const WEB_FEATURES = 'web/src/features';

/**
 * Imports that cross a boundary on purpose, each with the reason and the work that
 * removes it. Keyed by the importing file; the values are paths under server/src/modules.
 */
const KNOWN_EXCEPTIONS = {};

function moduleZones(exceptions = []) {
  const modules = foldersOf(SERVER_MODULES);
  return [
    ...modules.map((name) => ({
      target: `./${SERVER_MODULES}/${name}`,
      from: `./${SERVER_MODULES}`,
      except: [
        `./${name}`,
        ...modules.filter((other) => other !== name).map((other) => `./${other}/index.ts`),
        ...exceptions.map((p) => `./${p}`),
      ],
      message: `Import another module only through its index.ts (${SERVER_MODULES}/<module>/index.ts).`,
    })),
    {
      target: './server/src/platform',
      from: `./${SERVER_MODULES}`,
      message: 'The platform stands under the modules and imports none of them.',
    },
  ];
}

function featureZones() {
  const features = foldersOf(WEB_FEATURES);
  return [
    ...features.map((name) => ({
      target: `./${WEB_FEATURES}/${name}`,
      from: `./${WEB_FEATURES}`,
      except: [
        `./${name}`,
        ...features.filter((other) => other !== name).map((other) => `./${other}/index.ts`),
      ],
      message:
        'Import another feature only through its index.ts; move shared UI to web/src/components, app-level code to web/src/app.',
    })),
    {
      target: './web/src/components',
      from: `./${WEB_FEATURES}`,
      message: 'Shared components import no feature.',
    },
  ];
}

const rule = (zones) => ({ 'import-x/no-restricted-paths': ['error', { basePath: root, zones }] });

export const boundaries = [
  {
    files: ['server/**/*.ts', 'web/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Sources import `./x.js` for `./x.ts` (NodeNext) and web sources omit extensions.
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
        }),
      ],
    },
    rules: { ...rule([...moduleZones(), ...featureZones()]) },
  },
  ...Object.entries(KNOWN_EXCEPTIONS).map(([file, allowed]) => ({
    files: [file],
    rules: rule([...moduleZones(allowed), ...featureZones()]),
  })),
];
