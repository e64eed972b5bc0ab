import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '../../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const decoratorName = (decorator: ts.Decorator) => {
  const call = decorator.expression;
  return ts.isCallExpression(call) && ts.isIdentifier(call.expression) ? call.expression.text : undefined;
};

/** `file:line property: type` of every `@Field()` property whose declared type mentions a promise but lacks `@AwaitedProperty()`. */
function unmarkedPromisedFields(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyDeclaration(node) && node.type && /\bPromise(Like)?\b/.test(node.type.getText(source))) {
      const names = (ts.getDecorators(node) ?? []).map(decoratorName);
      if (names.includes('Field') && !names.includes('AwaitedProperty')) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push(`${relative(ROOT, file)}:${line + 1} ${node.name.getText(source)}: ${node.type.getText(source)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('@AwaitedProperty()', () => {
  it('marks every @Field() property that may hold a promise (the executor awaits only what a resolver answers)', () => {
    const files = ['libs', 'apps/api'].flatMap((dir) => sourceFiles(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((file) => unmarkedPromisedFields(file))).toEqual([]);
  });

  it('finds one left unmarked', () => {
    const file = join(ROOT, 'libs/core/src/graphql/connection.ts');
    const text = readFileSync(file, 'utf8');
    expect(unmarkedPromisedFields(file, text)).toEqual([]);
    expect(unmarkedPromisedFields(file, text.replace('@AwaitedProperty()', ''))).toEqual([expect.stringMatching(/^libs\/core\/src\/graphql\/connection\.ts:\d+ totalCount: number \| PromiseLike<number>$/)]);
  });
});
