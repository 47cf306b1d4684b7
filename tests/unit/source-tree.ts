// Walking the source tree, for the tests that check a rule over every file of a kind (guards, the authorization
// matrix, the messages shipped to client components).
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir` whose name passes `name`, recursively. */
export function files(dir: string, name: (fileName: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return files(full, name);
    return name(e.name) ? [full] : [];
  });
}
