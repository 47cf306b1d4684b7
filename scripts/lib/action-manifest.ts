// The build's server-action manifest: which id Next.js gave each action. One reader for the scripts (load:deadline)
// and the browser tests (calling an action directly, as an attacker or a load tool would).
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ActionManifestEntry {
  workers: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}

/** The build's actions by id (the build in JINGYAN_DIST_DIR, else .next, under `root`). */
export function readActionManifest(root = process.cwd()): Record<string, ActionManifestEntry> {
  const file = path.join(root, process.env.JINGYAN_DIST_DIR || '.next', 'server', 'server-reference-manifest.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { node: Record<string, ActionManifestEntry> }).node;
}

/** The id of one exported action of a file. */
export function serverActionId(file: string, exportedName: string, root = process.cwd()): string {
  const entry = Object.entries(readActionManifest(root)).find(
    ([, v]) => v.filename === file && v.exportedName === exportedName,
  );
  if (!entry) throw new Error(`no server action ${exportedName} in ${file} in this build`);
  return entry[0];
}
