import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { parseFromWebview } from '../../client/src/topology/messages';
import { makeNonce, webviewPage } from '../../client/src/webviewPage';

describe('webview pages', () => {
  const nonce = makeNonce((size) => randomBytes(size));
  const html = webviewPage({
    title: 'Topology <of> "x"',
    cspSource: 'https://webview.example',
    nonce,
    scriptUri: 'https://webview.example/dist/topology.js',
    styleUri: 'https://webview.example/client/media/topology.css',
  });
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';

  it('allows no remote content and only its own nonced script', () => {
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce}'$`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*|http:/);
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
    assert.deepEqual(scripts, [` nonce="${nonce}" src="https://webview.example/dist/topology.js"`]);
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    assert.match(html, /<title>Topology &lt;of&gt; &quot;x&quot;<\/title>/);
  });

  it('makes a fresh, unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => makeNonce((size) => randomBytes(size))));
    assert.equal(nonces.size, 100);
    for (const n of nonces) assert.match(n, /^[A-Za-z0-9_-]{32}$/);
  });

  it('accepts only well-formed messages from the page', () => {
    const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } };
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'reveal', range, extra: 1 }), { type: 'reveal', range });
    for (const bad of [
      null,
      'reveal',
      { type: 'run', command: 'x' },
      { type: 'reveal', range: { start: 1 } },
    ]) {
      assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad));
    }
  });
});
