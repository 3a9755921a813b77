// The install-command dialog's cluster picker (issue 13 point 13): a search over name and address
// that shows a bounded number of matches, usable clusters first, so a region with hundreds of
// clusters stays a short list. Pure, so it is unit-tested.
export const PICKER_LIMIT = 50;

type Pickable = { id: string; name: string; address: string };

export function pickClusters<C extends Pickable>(
  clusters: readonly C[],
  query: string,
  usable: (cluster: C) => boolean,
  limit = PICKER_LIMIT,
): { shown: C[]; matches: number } {
  const words = query.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const matching = clusters.filter((c) => {
    const text = `${c.name} ${c.address}`.toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });
  const ordered = [...matching.filter(usable), ...matching.filter((c) => !usable(c))];
  return { shown: ordered.slice(0, limit), matches: matching.length };
}
