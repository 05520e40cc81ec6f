/**
 * Writes the web client's API types from the server's own OpenAPI document, so that a
 * server change to a payload the web app reads fails `npm run typecheck`.
 *
 *   npm run api:types              # regenerate web/src/app/api-schema.gen.ts
 *   npx tsx tools/openapi-dump.ts --json FILE   # also keep the OpenAPI document
 *
 * The app is built on an in-memory PGlite with every module, exactly as it serves
 * `/api/openapi.json`; nothing listens and nothing outside the process is touched.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openPlatform } from '../src/platform/runtime.js';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: path.resolve(serverRoot, '../web/src/app/api-schema.gen.ts') },
    json: { type: 'string' },
  },
});

const HEADER = `/**
 * Generated from the server's OpenAPI document by \`npm run api:types\`
 * (server/tools/openapi-dump.ts with openapi-typescript). Do not edit: change the zod
 * schemas on the server and regenerate. Web types that describe API payloads derive
 * from \`components\`/\`paths\` here, so a payload change the web relies on fails
 * \`npm run typecheck\`.
 */

`;

async function openApiDocument(): Promise<OpenAPI3> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: 'memory',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'openapi-dump-'.padEnd(40, 'x'),
  });
  const platform = await openPlatform({ dataDir: 'memory' });
  try {
    const app = await buildApp({
      config,
      platform,
      jwtSecrets: [config.JWT_SECRET!],
      logger: false,
    });
    try {
      await app.ready();
      const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      if (res.statusCode !== 200)
        throw new Error(`GET /api/openapi.json answered ${res.statusCode}`);
      return res.json<OpenAPI3>();
    } finally {
      await app.close();
    }
  } finally {
    await platform.close();
  }
}

const document = await openApiDocument();
if (values.json)
  writeFileSync(path.resolve(process.cwd(), values.json), `${JSON.stringify(document, null, 2)}\n`);
const nodes = await openapiTS(document, { alphabetize: true });
writeFileSync(values.out, HEADER + astToString(nodes));
console.log(`wrote ${path.relative(process.cwd(), values.out)}`);
