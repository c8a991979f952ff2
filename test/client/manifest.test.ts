import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { globToRegExp } from '../../server/src/cli/files';

const root = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { vscode: string };
  main: string;
  devDependencies: Record<string, string>;
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
  contributes: {
    languages: {
      id: string;
      filenamePatterns: string[];
      configuration: string;
      icon: { light: string; dark: string };
    }[];
    grammars: { language: string; scopeName: string; path: string }[];
    snippets: { language: string; path: string }[];
    configuration: { properties: Record<string, { scope?: string }> };
  };
};

/** Whether the .vscodeignore allow-list ships a file: the last matching line decides. */
function shipped(file: string): boolean {
  const lines = readFileSync(path.join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
  let included = true;
  for (const line of lines) {
    const negated = line.startsWith('!');
    if (globToRegExp(negated ? line.slice(1) : line).test(file)) included = negated;
  }
  return included;
}

const contributedFiles = () => {
  const c = manifest.contributes;
  return [
    manifest.main,
    ...c.languages.flatMap((l) => [l.configuration, l.icon.light, l.icon.dark]),
    ...c.grammars.map((g) => g.path),
    ...c.snippets.map((s) => s.path),
  ].map((file) => path.posix.normalize(file));
};

describe('the extension manifest', () => {
  it('contributes files that exist, parse, and are shipped', () => {
    for (const file of contributedFiles()) {
      if (file.startsWith('dist/')) continue; // built by npm run build
      assert.ok(existsSync(path.join(root, file)), file);
      if (file.endsWith('.json') || file.endsWith('.code-snippets'))
        JSON.parse(readFileSync(path.join(root, file), 'utf8'));
      assert.ok(shipped(file), `${file} is in the .vscodeignore allow-list`);
    }
    assert.ok(
      shipped('dist/server.js') &&
        shipped('docs/rules/STOR001.md') &&
        shipped('schemas/gcluster.schema.json'),
    );
    assert.ok(
      !shipped('server/src/server.ts') &&
        !shipped('node_modules/yaml/package.json') &&
        !shipped('test/lsp/diagnostics.test.ts'),
    );
  });

  it('claims *.gcluster.yaml for its own language, coloured by the YAML grammar', () => {
    const language = manifest.contributes.languages.find((l) => l.id === 'gcluster');
    assert.deepEqual(language?.filenamePatterns, ['*.gcluster.yaml']);
    const grammar = manifest.contributes.grammars.find((g) => g.language === 'gcluster')!;
    const tm = JSON.parse(readFileSync(path.join(root, grammar.path), 'utf8')) as {
      scopeName: string;
      patterns: { include: string }[];
    };
    assert.equal(tm.scopeName, grammar.scopeName);
    assert.deepEqual(tm.patterns, [{ include: 'source.yaml' }]);
  });

  it("gives every setting a scope, and keeps what runs programs out of a workspace's reach", () => {
    const properties = manifest.contributes.configuration.properties;
    for (const [name, property] of Object.entries(properties))
      assert.ok(property.scope, `${name} has a scope`);
    assert.equal(properties['gcluster.rules']?.scope, 'resource');
    assert.equal(properties['gcluster.powershell.path']?.scope, 'machine');
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, [
      'gcluster.powershell.path',
    ]);
  });

  it('targets the VS Code API it is built against', () => {
    assert.equal(manifest.engines.vscode, `^${manifest.devDependencies['@types/vscode']}`);
  });
});
