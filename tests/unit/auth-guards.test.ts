import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { files } from './source-tree';

// Every page, route handler and server action authenticates and authorizes (issue 2, ADR 0005) — checked on the
// source, so a new one without its guard fails here before any role test is written for it. Server modules then check
// the permission again (assertCan) and scope their queries; the authorization*.test.ts files prove those.

const root = process.cwd();
const GUARD = /\b(requirePermission|requireUser)\(/;

const rel = (f: string) => path.relative(root, f);

/** The page's own source, or a component module it imports (a shared page such as the dashboard) that guards. */
function guarded(file: string): boolean {
  const source = readFileSync(file, 'utf8');
  if (GUARD.test(source)) return true;
  return [...source.matchAll(/from '@\/(components\/[^']+)'/g)].some(([, module]) =>
    ['.tsx', '.ts'].some((ext) => {
      const target = path.join(root, 'src', `${module}${ext}`);
      return existsSync(target) && GUARD.test(readFileSync(target, 'utf8'));
    }),
  );
}

describe('authentication guards', () => {
  it('every page outside the public group requires a user or a permission', () => {
    const pages = files(path.join(root, 'src/app'), (f) => f === 'page.tsx').filter((f) => !f.includes('(public)'));
    expect(pages.length).toBeGreaterThan(50);
    expect(pages.filter((p) => !guarded(p)).map(rel)).toEqual([]);
  });

  it('every route handler resolves the session (next-auth’s own and the health check excepted)', () => {
    // /api/health answers only "ok" or "unavailable" to load balancers, which have no session.
    const routes = files(path.join(root, 'src/app/api'), (f) => f === 'route.ts').filter(
      (f) => !f.includes('[...nextauth]') && !f.endsWith(path.join('api', 'health', 'route.ts')),
    );
    expect(routes.length).toBeGreaterThan(3);
    const unguarded = routes.filter(
      (r) => !/\b(getSession|requirePermission|requireUser)\(/.test(readFileSync(r, 'utf8')),
    );
    expect(unguarded.map(rel)).toEqual([]);
  });

  it('every exported server action goes through runAction or a guard', () => {
    const actions = files(path.join(root, 'src/app'), (f) => /\.tsx?$/.test(f)).filter((f) =>
      /^'use server';/m.test(readFileSync(f, 'utf8')),
    );
    const unguarded: string[] = [];
    for (const file of actions) {
      const source = readFileSync(file, 'utf8');
      const exports = [...source.matchAll(/export async function (\w+)/g)];
      exports.forEach((m, i) => {
        const body = source.slice(m.index, exports[i + 1]?.index ?? source.length);
        if (!/\b(runAction|requirePermission|requireUser|getSession|getActor)\(/.test(body))
          unguarded.push(`${rel(file)}: ${m[1]}`);
      });
    }
    expect(actions.length).toBeGreaterThan(10);
    expect(unguarded).toEqual([]);
  });
});
