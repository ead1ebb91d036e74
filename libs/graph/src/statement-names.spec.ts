import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/** Every .ts file under libs/ except the specs and Neo4jService itself. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    // neo4j.service.ts is where the names arrive, not where statements are written.
    const isSource =
      entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && entry.name !== 'neo4j.service.ts';
    return isSource ? [full] : [];
  });
}

interface Call {
  where: string;
  /** The name's text as written: a string literal's value, or a template's text up to its first `${`. */
  name?: string;
  complete: boolean;
  expected: string;
}

/** The Neo4jService calls (this.neo4j.read/write) and the StatementRunner calls (tx.run) of one file. */
function statementCalls(file: string): Call[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const calls: Call[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const { expression: target, name: method } = node.expression;
      const isService = target.getText() === 'this.neo4j' && ['read', 'write'].includes(method.text);
      const isRunner = target.getText() === 'tx' && method.text === 'run';
      if (isService || isRunner) {
        let owner: ts.Node | undefined = node.parent;
        let methodName: string | undefined;
        while (owner && !ts.isClassDeclaration(owner)) {
          if (!methodName && (ts.isMethodDeclaration(owner) || ts.isPropertyDeclaration(owner)))
            methodName = owner.name.getText();
          owner = owner.parent;
        }
        const className = owner && ts.isClassDeclaration(owner) ? owner.name?.text : undefined;
        const [first] = node.arguments;
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        const call: Call = {
          where: `${path.relative(process.cwd(), file)}:${line}`,
          complete: false,
          expected: `${className}.${methodName}`,
        };
        if (first && ts.isStringLiteralLike(first)) Object.assign(call, { name: first.text, complete: true });
        else if (first && ts.isTemplateExpression(first)) call.name = first.head.text;
        calls.push(call);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls;
}

describe('Cypher statement names', () => {
  const calls = sourceFiles(path.resolve('libs')).flatMap(statementCalls);

  it('finds the statements of the repositories', () => {
    expect(calls.length).toBeGreaterThan(90);
  });

  it('names every statement after its repository method: Class.method, with a suffix when a method runs several', () => {
    const wrong = calls.filter(
      (call) =>
        call.name === undefined ||
        !(
          call.name === call.expected ||
          (call.name.startsWith(`${call.expected}:`) && call.name.length > call.expected.length + 1) ||
          (!call.complete && call.name.startsWith(`${call.expected}:`))
        ),
    );
    expect(wrong.map((call) => `${call.where}: ${call.name ?? '(not a literal)'}, expected ${call.expected}`)).toEqual(
      [],
    );
  });

  it('gives no two statements the same name', () => {
    const names = calls.filter((call) => call.complete).map((call) => call.name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });
});
