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
    commands: { command: string; title: string; category: string }[];
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    views: Record<string, { id: string; icon: string }[]>;
    viewsWelcome: { view: string; contents: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    walkthroughs: { steps: { description: string; media: { markdown: string } }[] }[];
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
    ...c.viewsContainers.activitybar.map((container) => container.icon),
    ...Object.values(c.views).flatMap((views) => views.map((view) => view.icon)),
    ...c.walkthroughs.flatMap((w) => w.steps.map((step) => step.media.markdown)),
    'dist/topology.js',
    'client/media/topology.css',
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
        shipped('client/powershell/Invoke-GclusterPlan.ps1') &&
        shipped('dist/plan.js') &&
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

  it('names commands gcluster.<verbNoun> in the Guest Cluster category, and registers each one', () => {
    const source = readFileSync(path.join(root, 'client', 'src', 'extension.ts'), 'utf8');
    const registered = [...source.matchAll(/register\('(gcluster\.[A-Za-z]+)'/g)].map((m) => m[1]).sort();
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(registered, contributed);
    for (const command of manifest.contributes.commands) {
      assert.match(command.command, /^gcluster\.[a-z]+[A-Z][A-Za-z]*$/);
      assert.equal(command.category, 'Guest Cluster');
    }
  });

  it('points every menu entry, welcome link and walkthrough link at a contributed command', () => {
    const known = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) assert.ok(known.has(entry.command), `${menu}: ${entry.command}`);
    }
    const links = [
      ...manifest.contributes.viewsWelcome.map((w) => w.contents),
      ...manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((step) => step.description)),
    ].flatMap((text) => [...text.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]!));
    assert.ok(links.length >= 5);
    for (const link of links) assert.ok(known.has(link), link);
    const views = Object.values(manifest.contributes.views)
      .flat()
      .map((view) => view.id);
    assert.ok(views.includes('gcluster.definitions'));
    for (const welcome of manifest.contributes.viewsWelcome) assert.ok(views.includes(welcome.view));
  });

  it('ships the examples that Open Example offers', () => {
    for (const example of ['sql-csv-2012r2', 'fileserver-sofs-2016', 'broken']) {
      const file = `examples/${example}.gcluster.yaml`;
      assert.ok(existsSync(path.join(root, file)) && shipped(file), file);
    }
    const source = readFileSync(path.join(root, 'client', 'src', 'commands', 'openExample.ts'), 'utf8');
    const offered = [...source.matchAll(/file: '([^']+)'/g)].map((m) => `examples/${m[1]!}`);
    assert.equal(offered.length, 3);
    for (const file of offered) assert.ok(existsSync(path.join(root, file)) && shipped(file), file);
  });

  it('targets the VS Code API it is built against', () => {
    assert.equal(manifest.engines.vscode, `^${manifest.devDependencies['@types/vscode']}`);
  });
});
