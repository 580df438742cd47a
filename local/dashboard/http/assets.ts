/**
 * The dashboard's static files: its own page, script and style (local/dashboard/public), and
 * the installed chart.js and mermaid browser bundles. Read once, then served from memory.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A file to serve. */
export interface Asset {
  readonly contentType: string;
  readonly body: Buffer;
}

const PUBLIC = path.resolve(__dirname, '..', 'public');

const packageFile = (pkg: string, file: string): string => {
  try {
    return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
  } catch {
    // A package whose exports hide package.json: fall back to the project's node_modules.
    return path.resolve(__dirname, '..', '..', '..', 'node_modules', pkg, file);
  }
};

const FILES: { readonly [name: string]: { readonly file: () => string; readonly contentType: string } } = {
  'index.html': { file: () => path.join(PUBLIC, 'index.html'), contentType: 'text/html; charset=utf-8' },
  'app.js': { file: () => path.join(PUBLIC, 'app.js'), contentType: 'text/javascript; charset=utf-8' },
  'style.css': { file: () => path.join(PUBLIC, 'style.css'), contentType: 'text/css; charset=utf-8' },
  'chart.umd.min.js': { file: () => packageFile('chart.js', 'dist/chart.umd.min.js'), contentType: 'text/javascript; charset=utf-8' },
  'mermaid.min.js': { file: () => packageFile('mermaid', 'dist/mermaid.min.js'), contentType: 'text/javascript; charset=utf-8' },
};

const cache = new Map<string, Asset>();

/** The asset of that name; undefined for any other name. */
export function assetNamed(name: string): Asset | undefined {
  const spec = Object.prototype.hasOwnProperty.call(FILES, name) ? FILES[name] : undefined;
  if (spec === undefined) return undefined;
  let asset = cache.get(name);
  if (asset === undefined) {
    asset = { contentType: spec.contentType, body: readFileSync(spec.file()) };
    cache.set(name, asset);
  }
  return asset;
}
