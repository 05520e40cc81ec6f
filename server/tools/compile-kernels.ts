/**
 * Compiles src/platform/simd/kernels.wat into kernels-wasm.ts (the bytes, base64), so the
 * server needs no WebAssembly toolchain at run time:
 *
 *   npm run build:kernels -w server
 *
 * kernels-wasm.test.ts compiles the text again and checks the committed bytes match.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import initWabt from 'wabt';

const simdFolder = join(dirname(fileURLToPath(import.meta.url)), '../src/platform/simd');

/** SIMD, and threads for the shared memory (see wasm-heap.ts for why it is shared). */
const FEATURES = { simd: true, threads: true };

export async function compileKernels(): Promise<Uint8Array> {
  const wabt = await initWabt();
  const source = readFileSync(join(simdFolder, 'kernels.wat'), 'utf8');
  const module = wabt.parseWat('kernels.wat', source, FEATURES);
  try {
    // validate() takes the same feature switches at run time though its typings omit them;
    // without them it rejects the shared memory import.
    (module.validate as (features: typeof FEATURES) => void).call(module, FEATURES);
    return module.toBinary({ log: false, write_debug_names: false }).buffer;
  } finally {
    module.destroy();
  }
}

export const kernelsModuleText = (bytes: Uint8Array): string =>
  [
    '// Generated from kernels.wat by `npm run build:kernels -w server`; do not edit.',
    `export const KERNELS_WASM_BASE64 =\n  '${Buffer.from(bytes).toString('base64')}';`,
    '',
  ].join('\n');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bytes = await compileKernels();
  writeFileSync(join(simdFolder, 'kernels-wasm.ts'), kernelsModuleText(bytes));
  console.log(`kernels-wasm.ts: ${bytes.length} bytes of WebAssembly`);
}
