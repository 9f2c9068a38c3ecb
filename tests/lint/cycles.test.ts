// @vitest-environment node
// No file of src/ reaches itself through its imports, types included. Lint's import-x/no-cycle catches loops of
// values; this also catches loops through `import type`, which it skips (a type on the wrong floor).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Each file's relative imports (static, type-only and dynamic), as absolute paths. */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const targets = importedFiles
        .map(({ fileName }) => fileName)
        .filter((name) => name.startsWith('.'))
        .map((name) => path.resolve(path.dirname(file), name))
        .filter((target) => known.has(target));
      return [file, targets];
    }),
  );
}

/** One loop per file that starts one, found by depth-first search; each as the files in order. */
function findLoops(graph: Map<string, string[]>): string[][] {
  const loops: string[][] = [];
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    const at = stack.indexOf(file);
    if (at >= 0) {
      loops.push([...stack.slice(at), file].map((name) => path.relative(SRC, name)));
      return;
    }
    if (done.has(file)) return;
    stack.push(file);
    for (const target of graph.get(file) ?? []) visit(target);
    stack.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return loops;
}

describe('imports in src/', () => {
  it('form no loop, not even through types', () => {
    const graph = importGraph(sourceFiles(SRC));
    expect(graph.size).toBeGreaterThan(100);
    expect(findLoops(graph)).toEqual([]);
  });
});
