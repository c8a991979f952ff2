import type { Rule } from './rule';
import { att001 } from './att001ScsiController';
import { att002 } from './att002PersistentReservations';
import { att003 } from './att003AttachedToEveryNode';
import { att004 } from './att004ControllerSlots';
import { att005 } from './att005NoIdeOnGeneration2';
import { cpu001 } from './cpu001ProcessorLimit';
import { fail001 } from './fail001SingleHostFailure';
import { fail002 } from './fail002WitnessFailureDomain';
import { fail003 } from './fail003PreferredHostCollision';
import { gen001 } from './gen001Generation';
import { gen002 } from './gen002Generation2BootDisk';
import { gen004 } from './gen004Generation2Guest';
import { mem001 } from './mem001MemoryLimit';
import { mem002 } from './mem002DynamicMemoryMinimums';
import { mem003 } from './mem003DynamicMemoryOrder';
import { name001 } from './name001ComputerNameLength';
import { name002 } from './name002NetbiosCharacters';
import { name003 } from './name003HostNameCharacters';
import { name004 } from './name004NameShape';
import { name005 } from './name005UniqueNames';
import { name006 } from './name006ReservedWords';
import { net001 } from './net001TwoNetworks';
import { net005 } from './net005StaticAddress';
import { ops001 } from './ops001SharedDiskOperations';
import { q001 } from './q001Witness';
import { q002 } from './q002CloudWitnessVersion';
import { q003 } from './q003FileShareWitness';
import { q004 } from './q004DiskOnlyQuorum';
import { q005 } from './q005WitnessDiskDeclared';
import { ref001 } from './ref001SharedDiskReference';
import { ref002 } from './ref002GuestNodeReference';
import { ref003 } from './ref003PreferredHostReference';
import { stor001 } from './stor001SharedDiskFormat';
import { stor002 } from './stor002NoDifferencing';
import { stor003 } from './stor003NotOsDisk';
import { stor004 } from './stor004SharedStorage';
import { stor006 } from './stor006DeclaredLocation';
import { stor009 } from './stor009Capacity';
import { stor010 } from './stor010DiskSize';
import { stor011 } from './stor011SectorSize';
import { stor012 } from './stor012WitnessDisk';
import { stor013 } from './stor013NotAvhdx';
import { topo001 } from './topo001TwoHostNodes';
import { topo002 } from './topo002ClusterSizes';
import { topo003 } from './topo003HostVersion';
import { topo004 } from './topo004OneDomain';
import { topo005 } from './topo005GuestVersion';
import { topo006 } from './topo006EnoughHosts';
import { topo007 } from './topo007HighlyAvailable';
import { topo009 } from './topo009AntiAffinity';

/** Every semantic rule, in catalog order. */
// prettier-ignore
export const semanticRules: readonly Rule[] = [
  topo001, topo002, topo003, topo004, topo005, topo006, topo007, topo009,
  name001, name002, name003, name004, name005, name006,
  stor001, stor002, stor003, stor004, stor006, stor009, stor010, stor011, stor012, stor013,
  att001, att002, att003, att004, att005,
  gen001, gen002, gen004,
  mem001, mem002, mem003, cpu001,
  ops001,
  q001, q002, q003, q004, q005,
  fail001, fail002, fail003,
  net001, net005,
  ref001, ref002, ref003,
];
