// Runs on `npm install` (package.json "postinstall"): prepares Prisma without Prisma's binary CDN (ADR 0002).
//  1. The WASM schema engine loader in @prisma/internals expects its .wasm beside it, but npm ships it only in
//     @prisma/schema-engine-wasm: copy it (same version, pinned by @prisma/internals itself).
//  2. `prisma generate` checks for a schema-engine binary it never runs: point it at any executable (node itself)
//     so it does not try to download one, then generate the client into src/generated/prisma.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The folder of package `name` as Node would find it from `fromDir` (packages may hide files behind "exports"). */
function packageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`${name} is not installed (from ${fromDir})`);
  }
}

const internalsDir = packageDir('@prisma/internals', root);
const wasmSource = path.join(packageDir('@prisma/schema-engine-wasm', internalsDir), 'schema_engine_bg.wasm');
const wasmTarget = path.join(internalsDir, 'build', 'schema_engine_bg.wasm');
if (!existsSync(wasmTarget) || statSync(wasmTarget).size !== statSync(wasmSource).size) {
  mkdirSync(path.dirname(wasmTarget), { recursive: true });
  copyFileSync(wasmSource, wasmTarget);
}

const prismaCli = require.resolve('prisma/build/index.js', { paths: [root] });
const result = spawnSync(process.execPath, [prismaCli, 'generate'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(result.status ?? 1);
