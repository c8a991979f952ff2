import type { Rule } from './rule';

export const net005: Rule = {
  id: 'NET005',
  title: 'Without DHCP, the guest cluster needs a static address',
  defaultSeverity: 'warning',
  check(context) {
    const guest = context.model.guestCluster;
    const networks = context.model.hostCluster?.networks;
    if (!guest || guest.staticAddress || !networks || networks.length === 0) return;
    if (networks.some((network) => network.dhcp?.value === true)) return;
    context.report({
      code: 'NET005',
      message:
        'No network declares dhcp: true, and the guest cluster has no staticAddress: New-Cluster cannot give the cluster name an address. Add guestCluster.staticAddress, or mark the network that serves DHCP.',
      span: guest.keySpan,
    });
  },
};
