import { xmlRegisterInputProvider } from 'libxml2-wasm';

/**
 * libxml2 resolves `xs:include` and `xs:import` through registered input providers. We
 * register exactly one, serving schema texts the platform has already read into memory
 * under a private URL scheme: a schema (or a document being validated) can then never make
 * libxml2 open an arbitrary file or a network address.
 */
export const SCHEMA_SCHEME = 'regulatory-schema:';

const sources = new Map<string, Uint8Array>();
const open = new Map<number, { bytes: Uint8Array; position: number }>();
let nextHandle = 1;
let registered = false;

const keyOf = (url: string): string => url.slice(SCHEMA_SCHEME.length).replace(/^\/+/, '');

function ensureRegistered(): void {
  if (registered) return;
  registered = xmlRegisterInputProvider({
    match: (url) => url.startsWith(SCHEMA_SCHEME) && sources.has(keyOf(url)),
    open: (url) => {
      const bytes = sources.get(keyOf(url));
      if (!bytes) return undefined;
      const handle = nextHandle++;
      open.set(handle, { bytes, position: 0 });
      return handle;
    },
    read: (handle, buffer) => {
      const file = open.get(handle);
      if (!file) return -1;
      const count = Math.min(buffer.byteLength, file.bytes.length - file.position);
      buffer.set(file.bytes.subarray(file.position, file.position + count));
      file.position += count;
      return count;
    },
    close: (handle) => open.delete(handle),
  });
}

/** Makes `texts` (keyed by relative path, e.g. `emir/head.001.xsd`) resolvable; returns their base URL. */
export function publishSchemaSources(namespace: string, texts: Record<string, string>): string {
  ensureRegistered();
  const encoder = new TextEncoder();
  for (const [path, text] of Object.entries(texts)) {
    sources.set(`${namespace}/${path}`, encoder.encode(text));
  }
  return `${SCHEMA_SCHEME}///${namespace}/`;
}
