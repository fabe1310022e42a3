// Suggests the intended name for a misspelt reference (a volume, a StorageClass), for messages
// and quick fixes. A candidate counts only when it is close enough to be a plausible typo.
import { distance } from 'fastest-levenshtein';

/** The candidate nearest to `name`, when at most a third of its characters (min. 2) differ. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance && d <= limit) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
