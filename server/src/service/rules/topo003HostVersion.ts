import { diskFormat, quote, rank2012R2, versionLabel, versionRank } from '../domain';
import type { Rule } from './rule';

export const topo003: Rule = {
  id: 'TOPO003',
  title: 'Host OS is Windows Server 2012 R2 or later; VHD Sets (.vhds) need 2016 or later',
  defaultSeverity: 'error',
  check(context) {
    const os = context.model.hostCluster?.os;
    if (!os) return;
    const rank = versionRank(os.value);
    if (rank === undefined || rank < rank2012R2) {
      context.report({
        code: 'TOPO003',
        message: `${quote(os.value)} is not a supported host OS: shared virtual hard disks need Hyper-V on Windows Server 2012 R2 or later. Use windowsServer2012R2, windowsServer2016, windowsServer2019, windowsServer2022 or windowsServer2025.`,
        span: os.span,
      });
      return;
    }
    if (rank >= 2016) return;
    for (const disk of context.model.sharedDisks) {
      if (!disk.path || diskFormat(disk.path.value) !== 'vhds') continue;
      context.report({
        code: 'TOPO003',
        message: `${quote(disk.path.value)} is a VHD Set (.vhds), which needs Windows Server 2016 or later hosts; these hosts run ${versionLabel(os.value)}. Use a .vhdx, or raise hostCluster.os.`,
        span: disk.path.span,
        related: [{ span: os.span, message: 'The host OS' }],
      });
    }
  },
};
