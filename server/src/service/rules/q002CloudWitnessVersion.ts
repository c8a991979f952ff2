import { quote, versionLabel, versionRank } from '../domain';
import type { Rule } from './rule';

export const q002: Rule = {
  id: 'Q002',
  title: 'A cloud witness needs Windows Server 2016 or later guests',
  defaultSeverity: 'error',
  check(context) {
    const witness = context.model.guestCluster?.quorum?.witness;
    const lowest = context.lowestGuestOsRank;
    if (witness?.value !== 'cloud' || lowest === undefined || lowest >= 2016) return;
    const oldest = context.guestNodes.find((vm) => versionRank(vm.guestOs?.value) === lowest);
    const runs = oldest?.guestOs
      ? `${quote(oldest.name?.value ?? '?')} runs ${versionLabel(oldest.guestOs.value)}`
      : '';
    context.report({
      code: 'Q002',
      message: `A cloud witness needs every guest node on Windows Server 2016 or later; ${runs}. Use a disk or file share witness, or newer guests.`,
      span: witness.span,
    });
  },
};
