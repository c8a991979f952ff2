/**
 * Whether a remoting failure is one that another identity could get past: access denied, a bad
 * logon, or WinRM refusing the user. A host that cannot be reached is not: a password would not help.
 */
export function isAuthenticationFailure(message: string): boolean {
  return /access is denied|logon failure|user name or password is incorrect|authentication|unauthorized|credential/i.test(
    message,
  );
}
