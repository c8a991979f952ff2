import { randomBytes } from 'node:crypto';
import { Uri, ViewColumn, window, type ExtensionContext, type WebviewPanel } from 'vscode';
import { makeNonce, webviewPage } from './webviewPage';

/**
 * A panel beside the editor (or in `column`) that shows one of the extension's pages: its
 * script from `dist/<page>.js`, its style from `client/media/<page>.css`, nothing else loadable.
 */
export function openPagePanel(
  context: ExtensionContext,
  options: {
    readonly viewType: string;
    readonly title: string;
    /** The page's own name: `topology` or `plan`. */
    readonly page: string;
    readonly pageTitle: string;
    readonly column?: ViewColumn;
  },
): WebviewPanel {
  const media = Uri.joinPath(context.extensionUri, 'client', 'media');
  const dist = Uri.joinPath(context.extensionUri, 'dist');
  const panel = window.createWebviewPanel(
    options.viewType,
    options.title,
    { viewColumn: options.column ?? ViewColumn.Beside, preserveFocus: true },
    { enableScripts: true, localResourceRoots: [media, dist] },
  );
  const webview = panel.webview;
  webview.html = webviewPage({
    title: options.pageTitle,
    cspSource: webview.cspSource,
    nonce: makeNonce((size) => randomBytes(size)),
    scriptUri: webview.asWebviewUri(Uri.joinPath(dist, `${options.page}.js`)).toString(),
    styleUri: webview.asWebviewUri(Uri.joinPath(media, `${options.page}.css`)).toString(),
  });
  return panel;
}
