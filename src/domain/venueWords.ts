// How a venue's name reads on a screen and in a message. Kept apart from venue.ts (and so from zod) because
// screens on the first load use it too.

/**
 * The name with its locality, "Community centre, Elgin": the locality is added only when the name does not
 * already say it ("Family room, Forres" never becomes "Family room, Forres, Forres"), and never as "Other".
 */
export function venueLabel(venue: { name?: string | undefined; locality?: string | undefined }): string {
  const name = venue.name?.trim() || 'A venue with no name';
  const locality = venue.locality?.trim();
  if (!locality || locality === 'Other') return name;
  const words = name.toLowerCase().split(/[^\p{L}\p{N}']+/u);
  return words.includes(locality.toLowerCase()) ? name : `${name}, ${locality}`;
}

// Names that begin with a word for a kind of place read as common nouns and need "the" after "at": "at the
// Family room", "at the Church hall, Rothes". Names that begin otherwise are proper names and read as they are:
// "at Buckie Community Centre", "at St Gerardine's", "at The Bothy".
const PLACE_WORDS = new Set([
  'baby',
  'back',
  'café',
  'cafe',
  'centre',
  'center',
  'chapel',
  'church',
  'clinic',
  'community',
  'family',
  'function',
  'hall',
  'health',
  'leisure',
  'library',
  'lounge',
  'main',
  'meeting',
  'nursery',
  'parish',
  'pavilion',
  'playroom',
  'room',
  'school',
  'small',
  'sports',
  'studio',
  'surgery',
  'town',
  'village',
  'youth',
]);

/** The venue's name as it follows "at" in a sentence: "the Family room", "Buckie Community Centre". */
export function venueAfterAt(name: string): string {
  const trimmed = name.trim();
  const first = trimmed.split(/\s+/)[0]?.toLowerCase() ?? '';
  return PLACE_WORDS.has(first) ? `the ${trimmed}` : trimmed;
}
