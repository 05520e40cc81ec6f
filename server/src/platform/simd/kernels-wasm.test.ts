import { describe, expect, it } from 'vitest';
import { compileKernels } from '../../../tools/compile-kernels.js';
import { KERNELS_WASM_BASE64 } from './kernels-wasm.js';

describe('committed kernel bytes', () => {
  it('are the compiled form of kernels.wat (run npm run build:kernels -w server after editing it)', async () => {
    const bytes = await compileKernels();
    expect(Buffer.from(bytes).toString('base64')).toBe(KERNELS_WASM_BASE64);
  });
});
