import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { files } from './source-tree';
import { CLIENT_NAMESPACES, SHELL, namespacesFor } from '@/i18n/client-namespaces';

// The messages shipped to the browser (issue 10) cover what its code uses. Each page, layout, error and not-found file
// under src/app is followed through its static imports, name by name: a page importing ActionButton from a
// 'use client' module needs what ActionButton (and what it uses) translates with, not what the module's other forms
// do. Code of a 'use client' module, and what it imports, runs in the browser, and every namespace it translates with
// must be provided on that route: SHELL from the root layout plus the lists of src/i18n/client-namespaces.ts for the
// route's directory and the listed directories above it. next-intl's client `useTranslations` with a missing
// namespace only logs and shows the key, so nothing else would catch a gap. The lists are also kept tight: a listed
// namespace no page below uses, or one already provided above, fails too.

const root = process.cwd();
const SRC = path.join(root, 'src');
const APP = path.join(SRC, 'app');
const rel = (f: string) => path.relative(root, f);

/** The source file an import names, or undefined for a package or a file that is not code (CSS, JSON). */
function resolveImport(from: string, spec: string): string | undefined {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(SRC, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return undefined;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return /\.tsx?$/.test(candidate) ? candidate : undefined;
  }
  throw new Error(`${rel(from)}: cannot resolve '${spec}'`);
}

/** A use of a namespace, or why one could not be read from the source (which fails the test: fix the source). */
type Need = { ns: string } | { problem: string };

/** One top-level declaration (or, as MODULE, the module's other top-level code) and what it does with messages. */
interface Decl {
  /** Names it references that are top-level declarations or imports of its module. */
  refs: Set<string>;
  needs: Need[];
  /** `useTranslations(prop)`: the namespace is a prop, read where the component is rendered. */
  namespaceProps: string[];
  /** Its JSX elements: the tag and each attribute's literal value (null when an expression). */
  jsx: { tag: string; attrs: Map<string, string | null> }[];
  /** Modules it loads with `import('…')` (next/dynamic): all of their exports count. */
  dynamicImports: string[];
}

interface Module {
  client: boolean;
  decls: Map<string, Decl>;
  /** Exported name → local declaration. */
  exports: Map<string, string>;
  /** Exported name → another module's export (`export { a as b } from …`). */
  reexports: Map<string, { file: string; name: string }>;
  /** `export * from …`. */
  starExports: string[];
  /** Local name → the imported module and name ('default', '*' or the export's name). */
  imports: Map<string, { file: string; name: string }>;
  /** Names declared only as types: an import of one brings no code. */
  types: Set<string>;
  /** `import './x'`: modules loaded for their top-level code. */
  sideEffects: string[];
}

/** The providers themselves: NestedMessages reads its parent's messages (useMessages) to add to them. */
const PROVIDERS = ['src/i18n/client-messages.tsx', 'src/i18n/nested-messages.tsx'];

/** The rest of a module's top-level code, run when it loads: visited whenever any of its exports is. */
const MODULE = '<module>';

const unwrap = (e: ts.Expression): ts.Expression =>
  ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) ? unwrap(e.expression) : e;

const lineOf = (n: ts.Node, sf: ts.SourceFile) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;

/** The top-level namespaces a full key (`ns.key`, `` `ns.${k}` ``, `c ? 'a.x' : 'b.y'`) can name. */
function keyNamespaces(arg: ts.Expression | undefined): string[] | undefined {
  if (!arg) return undefined;
  const e = unwrap(arg);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text.split('.')[0]!];
  if (ts.isTemplateExpression(e) && e.head.text.includes('.')) return [e.head.text.split('.')[0]!];
  if (ts.isConditionalExpression(e)) {
    const a = keyNamespaces(e.whenTrue);
    const b = keyNamespaces(e.whenFalse);
    return a && b ? [...a, ...b] : undefined;
  }
  return undefined;
}

const isFunctionLike = (n: ts.Node): n is ts.FunctionLikeDeclaration =>
  ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n);

const boundNames = (b: ts.BindingName): string[] =>
  ts.isIdentifier(b) ? [b.text] : b.elements.flatMap((el) => (ts.isOmittedExpression(el) ? [] : boundNames(el.name)));

/** Does `fn` declare its own `name` (a parameter or a variable directly in its body), hiding an outer one? */
function shadows(fn: ts.FunctionLikeDeclaration, name: string, own: ts.Node): boolean {
  if (fn.parameters.some((p) => boundNames(p.name).includes(name))) return true;
  if (!fn.body || !ts.isBlock(fn.body)) return false;
  return fn.body.statements.some(
    (s) =>
      ts.isVariableStatement(s) &&
      s.declarationList.declarations.some((d) => d !== own && boundNames(d.name).includes(name)),
  );
}

/**
 * The keys a whole-catalogue `t = useTranslations()` is called with, within the scope it is declared in. A `t` that
 * is passed on, stored or called with a key that is not spelled out cannot be followed: that is a problem to fix in
 * the component (spell the key out, or translate with a namespace), not to guess here.
 */
function wholeCatalogueNeeds(decl: ts.VariableDeclaration, sf: ts.SourceFile): Need[] {
  if (!ts.isIdentifier(decl.name)) return [{ problem: `line ${lineOf(decl, sf)}: useTranslations() destructured` }];
  const name = decl.name.text;
  const scope = decl.parent.parent.parent; // VariableDeclarationList → VariableStatement → its block
  const needs: Need[] = [];
  const visit = (n: ts.Node) => {
    if (n !== scope && isFunctionLike(n) && shadows(n, name, decl)) return;
    if (ts.isIdentifier(n) && n.text === name && n !== decl.name) {
      const parent = n.parent;
      let call: ts.CallExpression | undefined;
      if (ts.isCallExpression(parent) && parent.expression === n) call = parent;
      else if (
        ts.isPropertyAccessExpression(parent) &&
        parent.expression === n &&
        ['rich', 'markup', 'raw', 'has'].includes(parent.name.text) &&
        ts.isCallExpression(parent.parent) &&
        parent.parent.expression === parent
      )
        call = parent.parent;
      if (call) {
        const namespaces = keyNamespaces(call.arguments[0]);
        if (namespaces) needs.push(...namespaces.map((ns) => ({ ns })));
        else needs.push({ problem: `line ${lineOf(n, sf)}: ${name}(…) with a key whose namespace is not spelled out` });
      } else if (!(ts.isPropertyAccessExpression(parent) && parent.name === n) && !ts.isPropertyAssignment(parent)) {
        needs.push({ problem: `line ${lineOf(n, sf)}: the result of useTranslations() used other than by a call` });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return needs;
}

/** Is `name` a prop the component around `call` destructures from its first parameter? */
function isDestructuredProp(call: ts.Node, name: string): boolean {
  let n: ts.Node | undefined = call;
  while (n && !isFunctionLike(n)) n = n.parent;
  const first = n && (n as ts.FunctionLikeDeclaration).parameters[0]?.name;
  return (
    !!first &&
    ts.isObjectBindingPattern(first) &&
    first.elements.some((el) => ts.isIdentifier(el.name) && el.name.text === name && !el.propertyName)
  );
}

/** What one declaration (or a module's loose top-level code) references and translates with. */
function readDecl(nodes: ts.Node[], sf: ts.SourceFile, hooks: Map<string, string>, topLevel: Set<string>): Decl {
  const decl: Decl = { refs: new Set(), needs: [], namespaceProps: [], jsx: [], dynamicImports: [] };
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const spec = n.arguments[0];
      if (!spec || !ts.isStringLiteral(spec))
        decl.needs.push({ problem: `line ${lineOf(n, sf)}: import() of a computed path` });
      else {
        const target = resolveImport(sf.fileName, spec.text);
        if (target) decl.dynamicImports.push(target);
      }
    }
    if (ts.isIdentifier(n) && topLevel.has(n.text)) {
      const p = n.parent;
      const isMemberName =
        (ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isPropertyAssignment(p) && p.name === n);
      if (!isMemberName && !ts.isJsxAttribute(p)) decl.refs.add(n.text);
    }
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && hooks.has(n.expression.text)) {
      const hook = hooks.get(n.expression.text);
      const line = lineOf(n, sf);
      if (hook === 'useMessages') decl.needs.push({ problem: `line ${line}: useMessages() reads every namespace` });
      if (hook === 'useTranslations') {
        const arg = n.arguments[0] && unwrap(n.arguments[0]);
        if (!arg) {
          if (ts.isVariableDeclaration(n.parent)) decl.needs.push(...wholeCatalogueNeeds(n.parent, sf));
          else decl.needs.push({ problem: `line ${line}: useTranslations() not assigned to a name` });
        } else if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) {
          decl.needs.push({ ns: arg.text.split('.')[0]! });
        } else if (ts.isIdentifier(arg) && isDestructuredProp(n, arg.text)) {
          decl.namespaceProps.push(arg.text);
        } else {
          decl.needs.push({ problem: `line ${line}: useTranslations(${arg.getText(sf)}): not a literal or a prop` });
        }
      }
    }
    if (ts.isJsxOpeningElement(n) || ts.isJsxSelfClosingElement(n)) {
      const attrs = new Map<string, string | null>();
      for (const a of n.attributes.properties) {
        if (!ts.isJsxAttribute(a)) continue;
        const init = a.initializer;
        const inner = init && ts.isJsxExpression(init) && init.expression ? unwrap(init.expression) : init;
        attrs.set(a.name.getText(sf), inner && ts.isStringLiteral(inner) ? inner.text : null);
      }
      decl.jsx.push({ tag: n.tagName.getText(sf).split('.')[0]!, attrs });
    }
    ts.forEachChild(n, visit);
  };
  nodes.forEach(visit);
  return decl;
}

const hasModifier = (n: ts.Node, kind: ts.SyntaxKind) =>
  ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === kind);

const modules = new Map<string, Module>();

function readModule(file: string): Module {
  const cached = modules.get(file);
  if (cached) return cached;
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const mod: Module = {
    client: false,
    decls: new Map(),
    exports: new Map(),
    reexports: new Map(),
    starExports: [],
    imports: new Map(),
    types: new Set(),
    sideEffects: [],
  };
  for (const s of sf.statements) {
    if (!ts.isExpressionStatement(s) || !ts.isStringLiteral(s.expression)) break;
    if (s.expression.text === 'use client') mod.client = true;
  }
  const hooks = new Map<string, string>(); // local name → next-intl hook
  const declNodes = new Map<string, ts.Node[]>();
  const loose: ts.Node[] = [];
  const declare = (name: string, node: ts.Node) => declNodes.set(name, [...(declNodes.get(name) ?? []), node]);
  for (const s of sf.statements) {
    if (ts.isImportDeclaration(s)) {
      const clause = s.importClause;
      const spec = (s.moduleSpecifier as ts.StringLiteral).text;
      if (!clause) {
        const target = resolveImport(file, spec);
        if (target) mod.sideEffects.push(target);
        continue;
      }
      if (clause.isTypeOnly) continue;
      const names = new Map<string, string>();
      if (clause.name) names.set(clause.name.text, 'default');
      const b = clause.namedBindings;
      if (b && ts.isNamespaceImport(b)) names.set(b.name.text, '*');
      for (const el of b && ts.isNamedImports(b) ? b.elements : []) {
        if (!el.isTypeOnly) names.set(el.name.text, (el.propertyName ?? el.name).text);
      }
      if (spec === 'next-intl') for (const [local, name] of names) hooks.set(local, name);
      const target = resolveImport(file, spec);
      if (target) for (const [local, name] of names) mod.imports.set(local, { file: target, name });
    } else if (ts.isExportDeclaration(s)) {
      if (s.isTypeOnly) continue;
      const target = s.moduleSpecifier && resolveImport(file, (s.moduleSpecifier as ts.StringLiteral).text);
      const clause = s.exportClause;
      if (!clause) {
        if (target) mod.starExports.push(target);
      } else if (ts.isNamedExports(clause)) {
        for (const el of clause.elements) {
          if (el.isTypeOnly) continue;
          const local = (el.propertyName ?? el.name).text;
          if (s.moduleSpecifier) {
            if (target) mod.reexports.set(el.name.text, { file: target, name: local });
          } else mod.exports.set(el.name.text, local);
        }
      }
    } else if (ts.isExportAssignment(s)) {
      const e = unwrap(s.expression);
      if (ts.isIdentifier(e)) mod.exports.set('default', e.text);
      else {
        declare('default', s.expression);
        mod.exports.set('default', 'default');
      }
    } else if (ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) {
      const isDefault = hasModifier(s, ts.SyntaxKind.DefaultKeyword);
      const name = s.name?.text ?? 'default';
      if (ts.isFunctionDeclaration(s) && !s.body) continue; // an overload signature
      declare(name, s);
      if (hasModifier(s, ts.SyntaxKind.ExportKeyword)) mod.exports.set(isDefault ? 'default' : name, name);
    } else if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) {
        for (const name of boundNames(d.name)) {
          declare(name, d);
          if (hasModifier(s, ts.SyntaxKind.ExportKeyword)) mod.exports.set(name, name);
        }
      }
    } else if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) {
      mod.types.add(s.name.text);
    } else if (ts.isEnumDeclaration(s)) {
      declare(s.name.text, s);
      if (hasModifier(s, ts.SyntaxKind.ExportKeyword)) mod.exports.set(s.name.text, s.name.text);
    } else if (!ts.isExpressionStatement(s) || !ts.isStringLiteral(s.expression)) {
      loose.push(s);
    }
  }
  const topLevel = new Set([...declNodes.keys(), ...mod.imports.keys()]);
  for (const [name, nodes] of declNodes) mod.decls.set(name, readDecl(nodes, sf, hooks, topLevel));
  mod.decls.set(MODULE, readDecl(loose, sf, hooks, topLevel));
  modules.set(file, mod);
  return mod;
}

interface Use {
  file: string;
  need: Need;
}

/**
 * Every message need of browser code reachable from `entry` (all of its declarations). `onClient`: the code runs in
 * the browser because a 'use client' module on the way (or this one) imports it.
 */
function clientUses(entry: string): Use[] {
  const uses: Use[] = [];
  const seen = new Set<string>();

  const visitDecl = (file: string, name: string, onClient: boolean) => {
    const key = `${file}|${name}|${onClient}`;
    if (seen.has(key)) return;
    seen.add(key);
    const mod = readModule(file);
    const client = onClient || mod.client;
    if (name !== MODULE) visitDecl(file, MODULE, onClient);
    else for (const target of mod.sideEffects) visitDecl(target, MODULE, client);
    const decl = mod.decls.get(name)!;
    if (client && !PROVIDERS.includes(rel(file))) for (const need of decl.needs) uses.push({ file: rel(file), need });
    for (const target of decl.dynamicImports.flatMap((f) => resolveExport(f, '*'))) {
      visitDecl(target.file, target.decl, client);
    }
    for (const ref of decl.refs) {
      if (ref === name) continue;
      if (mod.decls.has(ref)) {
        visitDecl(file, ref, client);
        continue;
      }
      const imp = mod.imports.get(ref);
      if (!imp) continue;
      for (const target of resolveExport(imp.file, imp.name)) {
        // A component taking its namespace as a prop: the literal each element here renders it with.
        const props = readModule(target.file).decls.get(target.decl)!.namespaceProps;
        if (props.length && (client || readModule(target.file).client)) {
          const elements = decl.jsx.filter((j) => j.tag === ref);
          if (elements.length === 0)
            uses.push({
              file: rel(file),
              need: { problem: `${ref} (its namespace is a prop) used other than as <${ref}>` },
            });
          for (const el of elements) {
            for (const prop of props) {
              const value = el.attrs.get(prop);
              uses.push({
                file: `${rel(target.file)} (rendered by ${rel(file)})`,
                need: value ? { ns: value } : { problem: `<${ref} ${prop}={…}>: the namespace is not a literal` },
              });
            }
          }
        }
        visitDecl(target.file, target.decl, client);
      }
    }
  };

  const exportsName = (file: string, name: string): boolean => {
    const mod = readModule(file);
    return mod.exports.has(name) || mod.reexports.has(name) || mod.starExports.some((star) => exportsName(star, name));
  };

  /** The declarations an imported name stands for (all of them for `import * as`). */
  const resolveExport = (file: string, name: string): { file: string; decl: string }[] => {
    const mod = readModule(file);
    if (name === '*') {
      return [
        ...[...mod.exports.keys(), ...mod.reexports.keys()].flatMap((n) => resolveExport(file, n)),
        ...mod.starExports.flatMap((star) => resolveExport(star, '*')),
      ];
    }
    const local = mod.exports.get(name);
    if (local !== undefined) {
      if (mod.decls.has(local)) return [{ file, decl: local }];
      const imp = mod.imports.get(local); // `import { a } from …; export { a };`
      if (imp) return resolveExport(imp.file, imp.name);
      if (mod.types.has(local)) return [];
    }
    const re = mod.reexports.get(name);
    if (re) return resolveExport(re.file, re.name);
    for (const star of mod.starExports) {
      if (exportsName(star, name)) return resolveExport(star, name);
    }
    if (mod.types.has(name)) return [];
    throw new Error(`${rel(file)} exports no '${name}'`);
  };

  // All of the entry: its declarations, and what it exports from elsewhere (`export default ImportedPage`).
  const mod = readModule(entry);
  for (const name of mod.decls.keys()) visitDecl(entry, name, false);
  for (const target of resolveExport(entry, '*')) visitDecl(target.file, target.decl, mod.client);
  return uses;
}

const usesByEntry = new Map<string, Use[]>();
const usesOf = (entry: string) => {
  if (!usesByEntry.has(entry)) usesByEntry.set(entry, clientUses(entry));
  return usesByEntry.get(entry)!;
};

/** The route directory of a file under src/app: `(portal)/researcher/applications/[id]`. */
const routeOf = (file: string) => path.relative(APP, path.dirname(file)).split(path.sep).join('/');

const entries = files(APP, (f) =>
  /^(page|layout|error|not-found|global-error|loading|template|default)\.tsx?$/.test(f),
);

const load = (l: string) =>
  JSON.parse(readFileSync(path.join(root, 'messages', `${l}.json`), 'utf8')) as Record<string, unknown>;
const catalogues = { 'zh-CN': load('zh-CN'), en: load('en') };

describe('messages shipped to client components', () => {
  it('cover every namespace the client code of each page uses', () => {
    const missing: string[] = [];
    const unreadable: string[] = [];
    for (const entry of entries) {
      const provided: Set<string> = namespacesFor(routeOf(entry));
      for (const { file, need } of usesOf(entry)) {
        if ('problem' in need) unreadable.push(`${file}: ${need.problem}`);
        else if (!provided.has(need.ns))
          missing.push(`${rel(entry)}: ${file} uses '${need.ns}', which is not provided on this route`);
      }
    }
    expect([...new Set(unreadable)]).toEqual([]);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('are provided by each listed route’s layout, around all it renders, and by nothing else', () => {
    for (const route of Object.keys(CLIENT_NAMESPACES)) {
      const layout = path.join(APP, route, 'layout.tsx');
      expect(existsSync(layout), `${rel(layout)} provides the messages of '${route}'`).toBe(true);
      const source = readFileSync(layout, 'utf8');
      const sf = ts.createSourceFile(layout, source, ts.ScriptTarget.Latest, true);
      // `export default messagesLayout('route')`, or every JSX the layout returns is <ClientMessages route="route">.
      const factory = sf.statements.some(
        (s) =>
          ts.isExportAssignment(s) &&
          ts.isCallExpression(s.expression) &&
          s.expression.expression.getText(sf) === 'messagesLayout' &&
          s.expression.arguments.length === 1 &&
          ts.isStringLiteral(s.expression.arguments[0]!) &&
          s.expression.arguments[0].text === route,
      );
      if (factory) continue;
      const returns: ts.Expression[] = [];
      const visit = (n: ts.Node) => {
        if (ts.isReturnStatement(n) && n.expression) returns.push(unwrap(n.expression));
        ts.forEachChild(n, visit);
      };
      visit(sf);
      const jsx = returns.filter((r) => ts.isJsxElement(r) || ts.isJsxSelfClosingElement(r) || ts.isJsxFragment(r));
      expect(jsx.length, `${rel(layout)} renders <ClientMessages route="${route}">`).toBeGreaterThan(0);
      for (const r of jsx) {
        const opening = ts.isJsxElement(r) ? r.openingElement : ts.isJsxSelfClosingElement(r) ? r : undefined;
        const attr = opening?.attributes.properties.find(
          (a): a is ts.JsxAttribute => ts.isJsxAttribute(a) && a.name.getText(sf) === 'route',
        );
        const ok =
          opening?.tagName.getText(sf) === 'ClientMessages' &&
          !!attr?.initializer &&
          ts.isStringLiteral(attr.initializer) &&
          attr.initializer.text === route;
        expect(ok, `${rel(layout)} line ${lineOf(r, sf)} returns <ClientMessages route="${route}"> around it all`).toBe(
          true,
        );
      }
    }
    // A provider given no `messages` would ship the whole catalogue again.
    const providers = files(SRC, (f) => /\.tsx?$/.test(f))
      .filter((f) => readFileSync(f, 'utf8').includes('NextIntlClientProvider'))
      .map(rel)
      .sort();
    expect(providers).toEqual(PROVIDERS);
    // A layout provides the list of its own directory: the lists above are read by where the layout is.
    for (const layout of entries.filter((f) => path.basename(f) === 'layout.tsx')) {
      const source = readFileSync(layout, 'utf8');
      for (const m of source.matchAll(/messagesLayout\('([^']*)'\)|<ClientMessages\s+route="([^"]*)"/g)) {
        expect(m[1] ?? m[2], `${rel(layout)} provides its own route's list`).toBe(routeOf(layout));
      }
    }
    expect(readFileSync(path.join(APP, 'layout.tsx'), 'utf8')).toMatch(/<ClientMessages>/);
  });

  it('list no namespace that no page below the route uses, or that a route above already gives', () => {
    const extra: string[] = [];
    for (const [route, list] of Object.entries(CLIENT_NAMESPACES) as [string, readonly string[]][]) {
      const parent = route.includes('/') ? route.slice(0, route.lastIndexOf('/')) : '';
      const above: Set<string> = namespacesFor(parent);
      const below = entries.filter((e) => routeOf(e) === route || routeOf(e).startsWith(`${route}/`));
      const used = new Set(below.flatMap((e) => usesOf(e).flatMap(({ need }) => ('ns' in need ? [need.ns] : []))));
      for (const ns of list) {
        if (above.has(ns)) extra.push(`'${route}' lists '${ns}', which a route above it already provides`);
        else if (!used.has(ns)) extra.push(`'${route}' lists '${ns}', which no client code of its pages uses`);
      }
    }
    expect(extra).toEqual([]);
  });

  it('name namespaces that exist in both catalogues', () => {
    const lists: readonly (readonly string[])[] = Object.values(CLIENT_NAMESPACES);
    const listed = new Set<string>([...SHELL, ...lists.flat()]);
    for (const [locale, messages] of Object.entries(catalogues)) {
      for (const ns of listed) expect(ns in messages, `'${ns}' in messages/${locale}.json`).toBe(true);
    }
    for (const entry of entries) {
      for (const { file, need } of usesOf(entry)) {
        if ('ns' in need) expect(need.ns in catalogues['zh-CN'], `${file} uses '${need.ns}'`).toBe(true);
      }
    }
  });
});
