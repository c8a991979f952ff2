import { classifyPath, quote } from '../domain';
import type { Rule } from './rule';

export const q003: Rule = {
  id: 'Q003',
  title: 'A file share witness is a UNC path not hosted on the cluster it serves',
  defaultSeverity: 'error',
  check(context) {
    const guest = context.model.guestCluster;
    const quorum = guest?.quorum;
    if (!guest || quorum?.witness?.value !== 'fileShare' || !quorum.path) return;
    const place = classifyPath(quorum.path.value);
    if (place.kind !== 'unc') {
      context.report({
        code: 'Q003',
        message: `${quote(quorum.path.value)} is not a UNC path; a file share witness is a share on another server, like \\\\FS01\\Witness.`,
        span: quorum.path.span,
      });
      return;
    }
    const server = place.server.split('.')[0]!.toLowerCase();
    const ownNames = new Set<string>();
    if (guest.name) ownNames.add(guest.name.value.toLowerCase());
    for (const vm of context.guestNodes) {
      const name = vm.computerName ?? vm.name;
      if (name) ownNames.add(name.value.toLowerCase());
    }
    if (!ownNames.has(server)) return;
    context.report({
      code: 'Q003',
      message: `The file share witness is on ${quote(place.server)}, which is part of the guest cluster it serves; when that node fails the witness fails with it. Host the share outside the guest cluster.`,
      span: quorum.path.span,
    });
  },
};
