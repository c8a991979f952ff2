/**
 * An element with a class and text content, for the extension's webview pages: the one way
 * text from a definition reaches a page, so that a name is always text and never markup.
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className) created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}
