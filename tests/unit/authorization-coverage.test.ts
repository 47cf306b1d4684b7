import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { files } from './source-tree';
import { ROUTE_PROBES } from '../e2e/route-probes';

// The authorization matrix, generated from the source (issue 9). Three lists are read from the code itself:
//   - every exported server function that takes an Actor and that a page, action or route handler imports;
//   - every server action ('use server' files under src/app);
//   - every route handler (src/app/api/**/route.ts).
// Each server function must have its row in the integration matrix (tests/integration/authorization*.test.ts, every
// role against src/domain/auth/permissions.ts); each action must reach at least one such function; each route handler
// must reach one and be probed over HTTP for every role and anonymously (tests/e2e/route-matrix.spec.ts). So a new
// action, route or server function without its matrix entry fails here, before any review.

const root = process.cwd();
const rel = (f: string) => path.relative(root, f);

/** Exported functions of src/server that take an Actor: the modules that authorize. */
function actorFunctions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of files(path.join(root, 'src/server'), (f) => f.endsWith('.ts'))) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/export (?:async )?function (\w+)(?:<[^>]*>)?\(([^)]*)\)/g)) {
      if (/:\s*Actor\b/.test(m[2]!)) found.set(m[1]!, rel(file));
    }
  }
  return found;
}

/** Names imported from '@/server/…' by a file. */
function serverImports(source: string): Set<string> {
  const names = new Set<string>();
  for (const m of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@\/server\/[^']+'/g)) {
    for (const part of m[1]!.split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop()!
        .trim();
      if (name) names.add(name);
    }
  }
  return names;
}

/** Function names with a row in the integration matrix: `name: 'fn'` or `name: 'fn(variant)'`. */
function matrixRows(): Set<string> {
  const rows = new Set<string>();
  for (const file of files(path.join(root, 'tests/integration'), (f) => /^authorization.*\.test\.ts$/.test(f))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/name:\s*[`'](\w+)/g)) rows.add(m[1]!);
  }
  return rows;
}

/** Infrastructure, not entry points: the action wrapper and the permission check every module calls. */
const INFRASTRUCTURE = new Set(['runAction', 'assertCan']);

/**
 * Actions that act on the session itself, not on a record or through a server module: nothing to authorize beyond
 * being signed in (or, for sign-out, not even that). Each with its reason.
 */
const SESSION_ACTIONS: Record<string, string> = {};

/** Route handlers that read no record and so have no row in the matrix, each with its reason. */
const PUBLIC_ROUTES: Record<string, string> = {
  'src/app/api/auth/[...nextauth]/route.ts': 'next-auth itself: sign-in, sign-out and the session cookie',
  'src/app/api/health/route.ts': 'liveness: one `select 1`, answers only ok or unavailable',
};

const actorFns = actorFunctions();
const rows = matrixRows();
const covered = (name: string) => actorFns.has(name) && !INFRASTRUCTURE.has(name) && rows.has(name);

describe('the authorization matrix covers every entry point', () => {
  const appFiles = files(path.join(root, 'src/app'), (f) => /\.tsx?$/.test(f));

  it('finds the server functions, actions and route handlers it reasons about', () => {
    expect(actorFns.size).toBeGreaterThan(250);
    expect(rows.size).toBeGreaterThan(250);
  });

  it('every server function a page, action or route handler imports has its row in the matrix', () => {
    const reached = new Map<string, string>();
    for (const file of appFiles) {
      for (const name of serverImports(readFileSync(file, 'utf8'))) {
        if (actorFns.has(name) && !INFRASTRUCTURE.has(name)) reached.set(name, rel(file));
      }
    }
    expect(reached.size).toBeGreaterThan(200);
    const missing = [...reached]
      .filter(([name]) => !rows.has(name))
      .map(([n, f]) => `${n} (${actorFns.get(n)}, used by ${f})`);
    expect(missing).toEqual([]);
  });

  it('every server action reaches a function of the matrix (or acts on the session alone)', () => {
    const actions: string[] = [];
    const unmatched: string[] = [];
    for (const file of appFiles) {
      const source = readFileSync(file, 'utf8');
      if (!/^'use server';/m.test(source)) continue;
      const imported = [...serverImports(source)].filter(covered);
      const exports = [...source.matchAll(/export async function (\w+)/g)];
      exports.forEach((m, i) => {
        const key = `${rel(file)}: ${m[1]}`;
        actions.push(key);
        const body = source.slice(m.index, exports[i + 1]?.index ?? source.length);
        const reaches = imported.some((name) => new RegExp(`\\b${name}\\b`).test(body));
        if (!reaches && !SESSION_ACTIONS[key]) unmatched.push(key);
      });
    }
    expect(actions.length).toBeGreaterThan(100);
    expect(unmatched).toEqual([]);
    expect(Object.keys(SESSION_ACTIONS).filter((k) => !actions.includes(k))).toEqual([]);
  });

  it('the routes left out of the matrix exist', () => {
    for (const r of Object.keys(PUBLIC_ROUTES)) expect(existsSync(path.join(root, r)), r).toBe(true);
  });

  it('every route handler reaches a function of the matrix and is probed over HTTP for every role', () => {
    const routes = files(path.join(root, 'src/app/api'), (f) => f === 'route.ts')
      .map(rel)
      .filter((r) => !PUBLIC_ROUTES[r]);
    const unmatched = routes.filter((r) => {
      const source = readFileSync(path.join(root, r), 'utf8');
      return ![...serverImports(source)].some((name) => covered(name) && new RegExp(`\\b${name}\\(`).test(source));
    });
    expect(unmatched).toEqual([]);
    const probed = new Set(ROUTE_PROBES.map((p) => p.route));
    expect(routes.filter((r) => !probed.has(r))).toEqual([]);
    expect([...probed].filter((r) => !routes.includes(r))).toEqual([]);
  });
});
