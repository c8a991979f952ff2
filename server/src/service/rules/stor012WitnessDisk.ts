import { quote } from '../domain';
import type { Rule } from './rule';

const minimumGB = 0.5;

export const stor012: Rule = {
  id: 'STOR012',
  title: 'A disk witness is at least 512 MB and dedicated',
  defaultSeverity: 'error',
  check(context) {
    const quorum = context.model.guestCluster?.quorum;
    if (quorum?.witness?.value !== 'disk' || !quorum.disk) return;
    const disk = context.disksByName.get(quorum.disk.value.toLowerCase());
    if (!disk) return; // Q005 reports an undeclared witness disk
    const name = quote(disk.name?.value ?? '?');
    if (disk.sizeGB && disk.sizeGB.value < minimumGB) {
      context.report({
        code: 'STOR012',
        message: `The witness disk ${name} is ${disk.sizeGB.value} GB; a disk witness needs at least 512 MB (sizeGB: 0.5).`,
        span: disk.sizeGB.span,
        related: [{ span: quorum.disk.span, message: 'Used as the disk witness here' }],
      });
    }
    if (disk.guestUse?.value === 'data') {
      context.report({
        code: 'STOR012',
        message: `The witness disk ${name} is also a data disk; a disk witness is dedicated to the quorum. Give the witness its own small disk.`,
        span: disk.guestUse.span,
        related: [{ span: quorum.disk.span, message: 'Used as the disk witness here' }],
      });
    }
  },
};
