import { window } from 'vscode';
import type { RemotingCredential } from '../powershell/inspect';

/**
 * Asks for a user name and password for remoting into the guests. The password box masks what
 * is typed; the answer lives in memory only, goes to PowerShell on standard input, and is never
 * written to settings, state, files or the log.
 */
export async function askRemotingCredential(purpose: string): Promise<RemotingCredential | undefined> {
  const userName = await window.showInputBox({
    title: purpose,
    prompt: 'User name for PowerShell remoting into the guests (DOMAIN\\user or user@domain)',
    placeHolder: 'CORP\\admin',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'A user name is needed.' : undefined),
  });
  if (userName === undefined || userName.trim() === '') return undefined;
  const password = await window.showInputBox({
    title: purpose,
    prompt: `Password of ${userName.trim()} (kept in memory for this window only, never stored)`,
    password: true,
    ignoreFocusOut: true,
  });
  if (password === undefined) return undefined;
  return { userName: userName.trim(), password };
}
