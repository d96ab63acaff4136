// Reads the project's own TypeScript sources for tests that check a rule over every file
// (the policy table's coverage, scope strings, database handles in app/).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export const repoRoot = join(import.meta.dirname, "..");

/** Every .ts/.tsx file under these folders (repo-relative, "/" separated), tests included. */
export function sourceFiles(...folders: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) found.push(relative(repoRoot, path).split("\\").join("/"));
    }
  };
  for (const folder of folders) walk(join(repoRoot, folder));
  return found.sort();
}

export const isTestFile = (file: string) => /\.test\.tsx?$/.test(file);

export function parse(file: string): ts.SourceFile {
  const text = readFileSync(join(repoRoot, file), "utf8");
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** Calls `visit` on every node of the file (or of one node within it). */
export function eachNode(source: ts.Node, visit: (node: ts.Node) => void): void {
  const walk = (node: ts.Node) => {
    visit(node);
    ts.forEachChild(node, walk);
  };
  walk(source);
}

/** Whether the module starts with the "use server" directive. */
export function isServerActionModule(source: ts.SourceFile): boolean {
  const first = source.statements[0];
  return first !== undefined && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server";
}

/** Every "use server" directive inside a function body (inline server actions). */
export function inlineServerDirectives(source: ts.SourceFile): number {
  let count = 0;
  eachNode(source, (node) => {
    if (ts.isBlock(node) && node.parent && ts.isFunctionLike(node.parent)) {
      const first = node.statements[0];
      if (first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server") count++;
    }
  });
  return count;
}

/** Names of a module's exported values (functions, consts, re-exports): types are not counted. */
export function exportedValues(source: ts.SourceFile): string[] {
  const names: string[] = [];
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.name) names.push(statement.name.text);
    if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
    }
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) if (!element.isTypeOnly) names.push(element.name.text);
    }
    if (ts.isExportAssignment(statement)) names.push("default");
  }
  return names;
}

/** Every string literal's text with its line, template literals without substitutions included. */
export function stringLiterals(source: ts.SourceFile): { text: string; line: number }[] {
  const found: { text: string; line: number }[] = [];
  eachNode(source, (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      found.push({ text: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
  });
  return found;
}
