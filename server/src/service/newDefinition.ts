import type { NewDefinitionParams, NewDefinitionResult } from '../protocol';

/** Guest clusters have at least two nodes; a failover cluster has at most 64. */
export const guestNodeLimits = { min: 2, max: 64 } as const;

/** A host cluster, like any failover cluster, has at most 64 nodes. */
const hostNodeLimit = 64;
const dataDiskGB = 500;
const witnessDiskGB = 1;
const osDiskGB = 80;

type FieldError = { field: keyof NewDefinitionParams; message: string };

/**
 * The text of a new definition from what "New Definition" asks: a Windows Server 2022 host
 * cluster with one host more than guest nodes (so that anti-affinity can keep every guest node
 * on its own host even while one host is down), VHD Set shared disks (data and witness) on a CSV
 * volume or an SOFS share, a client network that serves DHCP (so the cluster name gets its address
 * there), and a guest cluster with a disk witness.
 *
 * Names are derived from the cluster name and kept to 15 characters, the NetBIOS limit.
 * `check` validates the text; the caller returns it only if it has no problems, so the
 * command never writes a file that starts out red.
 */
export function newDefinitionText(params: NewDefinitionParams): NewDefinitionResult {
  const errors = checkParams(params);
  if (errors.length > 0) return { errors };
  const name = params.name.trim();
  // 11 characters, "-N" and two digits: a VM name within the 15 of a computer name.
  const prefix = name.slice(0, 11).replace(/-+$/, '');
  const vms = Array.from({ length: params.guestNodes }, (_, i) => `${prefix}-N${i + 1}`);
  const hostCount = Math.min(params.guestNodes + 1, hostNodeLimit);
  const hosts = Array.from({ length: hostCount }, (_, i) => `HV${String(i + 1).padStart(2, '0')}`);
  // The shared disks, every OS disk and half as much again for growth, in whole terabytes.
  const capacityGB = Math.ceil(((dataDiskGB + witnessDiskGB + osDiskGB * vms.length) * 1.5) / 1024) * 1024;
  const root = params.storage === 'csv' ? 'C:\\ClusterStorage\\Volume1' : '\\\\SOFS01\\VMStore';
  const quoted = (path: string) => `'${path}'`;
  const lines = [
    `# Guest cluster ${name}: ${vms.length} guest nodes on a ${hosts.length}-node Hyper-V host cluster,`,
    `# sharing VHD Sets on ${params.storage === 'csv' ? 'a Cluster Shared Volume' : 'a Scale-Out File Server'}.`,
    'version: 1',
    `name: ${name.toLowerCase()}`,
    'hostCluster:',
    '  name: HVCLUS01',
    '  domain: corp.example.com',
    '  os: windowsServer2022',
    '  nodes:',
    ...hosts.map((host) => `    - name: ${host}`),
    '  storage:',
    ...(params.storage === 'csv'
      ? [
          '    kind: csv',
          '    volumes:',
          `      - { name: Volume1, path: ${quoted(root)}, capacityGB: ${capacityGB} }`,
        ]
      : [
          '    kind: sofs',
          '    sofs:',
          '      name: SOFS01',
          '      os: windowsServer2022',
          '      shares:',
          `        - { name: VMStore, path: ${quoted(root)}, capacityGB: ${capacityGB} }`,
        ]),
    '  networks:',
    '    - { name: Cluster, role: cluster }',
    '    - { name: Client, role: client, dhcp: true }',
    '  switch: ConvergedSwitch',
    'sharedDisks:',
    `  - { name: Data, path: ${quoted(`${root}\\Shared\\Data.vhds`)}, sizeGB: ${dataDiskGB}, type: fixed }`,
    `  - { name: Witness, path: ${quoted(`${root}\\Shared\\Witness.vhds`)}, sizeGB: ${witnessDiskGB}, type: fixed, guestUse: witness }`,
    'virtualMachines:',
    ...vms.flatMap((vm, i) => [
      `  - name: ${vm}`,
      '    generation: 2',
      '    guestOs: windowsServer2022',
      '    processors: 4',
      '    memory: { startupGB: 16 }',
      `    osDisk: { path: ${quoted(`${root}\\${vm}\\os.vhdx`)}, sizeGB: ${osDiskGB} }`,
      `    preferredHost: ${hosts[i]}`,
      `    antiAffinityClassNames: [${prefix}]`,
      '    sharedDisks: [Data, Witness]',
    ]),
    'guestCluster:',
    `  name: ${name}`,
    '  domain: corp.example.com',
    `  nodes: [${vms.join(', ')}]`,
    '  quorum: { witness: disk, disk: Witness }',
    '',
  ];
  return { text: lines.join('\n') };
}

function checkParams(params: NewDefinitionParams): FieldError[] {
  const errors: FieldError[] = [];
  const name = typeof params.name === 'string' ? params.name.trim() : '';
  if (name === '') errors.push({ field: 'name', message: 'Enter the guest cluster name.' });
  else if (name.length > 15) {
    errors.push({ field: 'name', message: 'A cluster name is a computer name: at most 15 characters.' });
  } else if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(name) || name.endsWith('-')) {
    errors.push({
      field: 'name',
      message: 'Use letters, digits and hyphens, starting with a letter and not ending with a hyphen.',
    });
  }
  const nodes = params.guestNodes;
  if (!Number.isInteger(nodes) || nodes < guestNodeLimits.min || nodes > guestNodeLimits.max) {
    errors.push({
      field: 'guestNodes',
      message: `A guest cluster has ${guestNodeLimits.min} to ${guestNodeLimits.max} nodes.`,
    });
  }
  if (params.storage !== 'csv' && params.storage !== 'sofs') {
    errors.push({
      field: 'storage',
      message: 'Storage is a Cluster Shared Volume (csv) or a Scale-Out File Server (sofs).',
    });
  }
  return errors;
}
