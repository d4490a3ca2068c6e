// `npm run lint` part: no circle of imports in src/ or scripts/, type-only imports included (a type circle
// still means two modules that cannot be read, tested or moved apart). Resolution is TypeScript's own, with
// the project's tsconfig, so `./x.js` finds `./x.ts` exactly as the compiler does.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import ts from 'typescript';

export function importGraph(configPath: string): Map<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  const files = config.fileNames.filter((f) => /\/(src|scripts)\//.test(f));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const targets: string[] = [];
    for (const statement of source.statements) {
      const specifier =
        (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
        statement.moduleSpecifier &&
        ts.isStringLiteral(statement.moduleSpecifier)
          ? statement.moduleSpecifier.text
          : null;
      if (!specifier?.startsWith('.')) continue;
      const resolved = ts.resolveModuleName(specifier, file, config.options, ts.sys).resolvedModule;
      if (resolved && !resolved.isExternalLibraryImport) targets.push(resolved.resolvedFileName);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Every circle, each as the files around it (Tarjan's strongly connected components of two or more). */
export function cyclesIn(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.includes(node)) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cycles = cyclesIn(importGraph('tsconfig.json'));
  for (const cycle of cycles)
    console.error(`import circle: ${cycle.map((f) => relative(process.cwd(), f)).join(' <-> ')}`);
  if (cycles.length) process.exit(1);
  console.log('no import circles');
}
