/**
 * Writes a valid definition with `vmCount` guest VMs, as an administrator would: every VM a
 * guest node attaching every shared disk, spread over up to 64 host nodes (the legal maximum).
 */
export function generateDefinition(vmCount: number): string {
  const hostCount = Math.min(64, Math.max(3, vmCount + 1));
  const pad = (n: number) => String(n).padStart(4, '0');
  const lines: string[] = [
    '# generated for benchmarks',
    'version: 1',
    `name: bench-${vmCount}`,
    'hostCluster:',
    '  name: HVBENCH',
    '  domain: corp.contoso.com',
    '  os: windowsServer2019',
    '  nodes:',
  ];
  for (let h = 1; h <= hostCount; h++) lines.push(`    - name: HV${pad(h)}`);
  lines.push(
    '  storage:',
    '    kind: csv',
    '    volumes:',
    "      - { name: Volume1, path: 'C:\\ClusterStorage\\Volume1', capacityGB: 65536 }",
    "      - { name: Volume2, path: 'C:\\ClusterStorage\\Volume2', capacityGB: 65536 }",
    '  networks:',
    '    - { name: Cluster, role: cluster }',
    '    - { name: Client, role: client }',
    '  switch: ConvergedSwitch',
    'sharedDisks:',
  );
  const disks = ['Data', 'Log', 'TempDb', 'Witness'];
  for (const disk of disks) {
    const size = disk === 'Witness' ? 1 : 500;
    lines.push(
      `  - { name: ${disk}, path: 'C:\\ClusterStorage\\Volume1\\Shared\\${disk}.vhdx', sizeGB: ${size}, type: fixed }`,
    );
  }
  lines.push('virtualMachines:');
  const names: string[] = [];
  for (let v = 1; v <= vmCount; v++) {
    const name = `SQLVM${pad(v)}`;
    names.push(name);
    lines.push(
      `  - name: ${name}`,
      '    generation: 2',
      '    guestOs: windowsServer2019',
      '    processors: 4',
      '    memory: { dynamic: true, minimumGB: 4, startupGB: 8, maximumGB: 16 }',
      `    osDisk: { path: 'C:\\ClusterStorage\\Volume2\\${name}\\os.vhdx', sizeGB: 80 }`,
      `    preferredHost: HV${pad(((v - 1) % hostCount) + 1)}`,
      '    antiAffinityClassNames: [SqlGuestCluster]',
      '    sharedDisks:',
      '      - Data',
      '      - Log',
      '      - TempDb',
      '      - { disk: Witness, controller: scsi, controllerNumber: 1, location: 0, persistentReservations: true }',
    );
  }
  lines.push(
    'guestCluster:',
    '  name: SQLBENCH',
    '  domain: corp.contoso.com',
    '  staticAddress: 10.0.10.50',
    `  nodes: [${names.join(', ')}]`,
    '  quorum: { witness: disk, disk: Witness }',
    '',
  );
  return lines.join('\n');
}
