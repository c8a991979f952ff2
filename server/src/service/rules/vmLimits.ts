import { rank2012R2 } from '../domain';

/**
 * Per-VM limits of Hyper-V by host version and generation, from the scalability guides for
 * 2012 R2 and 2016/2019. Later versions are not in our sources, so nothing is asserted for them.
 */
export function vmLimits(hostRank: number | undefined, generation: number | undefined) {
  if (hostRank === undefined) return undefined;
  if (hostRank === rank2012R2 || generation === 1) return { processors: 64, memoryGB: 1024 };
  if (generation === 2 && (hostRank === 2016 || hostRank === 2019))
    return { processors: 240, memoryGB: 12288 };
  return undefined;
}
