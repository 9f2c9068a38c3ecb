// The safety rules every starter activity carries, and the shape of a built-in activity.
import type { Activity } from '../activity.ts';
import type { ACTIVITY_KINDS } from '../activity.ts';

/** Said on every activity, so that nobody has to remember to look it up elsewhere. */
export const SAFETY_BASICS =
  'Check every item before each session and take out anything cracked, splintered, loose, sharp or worn. Nothing small enough to fit through a toilet-roll tube. Never button batteries (if a baby may have swallowed one, go to A&E now or call 999) and never magnets. No cords, strings, ribbons or long scarves. An adult always watching, within arm’s reach.';

export type StarterActivity = Required<
  Pick<
    Activity,
    | 'id'
    | 'title'
    | 'kind'
    | 'minAgeMonths'
    | 'maxAgeMonths'
    | 'materials'
    | 'howTo'
    | 'whyItHelps'
    | 'safety'
    | 'builtIn'
  >
>;

interface StarterContent {
  title: string;
  kind: (typeof ACTIVITY_KINDS)[number];
  ages: readonly [number, number];
  materials: readonly string[];
  howTo: string;
  whyItHelps: string;
  /** The hazards particular to this activity; the basics are added after it. */
  safety: string;
}

/** A built-in activity with a stable id (`starter-<slug>`), so every device seeds the same records. */
export function starter(slug: string, content: StarterContent): StarterActivity {
  return {
    id: `starter-${slug}`,
    title: content.title,
    kind: content.kind,
    minAgeMonths: content.ages[0],
    maxAgeMonths: content.ages[1],
    materials: [...content.materials],
    howTo: content.howTo,
    whyItHelps: content.whyItHelps,
    safety: `${content.safety} ${SAFETY_BASICS}`,
    builtIn: true,
  };
}
