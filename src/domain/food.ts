// The food and drinks to bring to a session, in quantities worked out from how many people are expected, and
// the dietary needs of those people as counts without names.
import type { Attendee } from './attendee.ts';

export { DIETARY_NEEDS, type DietaryNeed } from './dietary.ts';
import { DIETARY_NEEDS, type DietaryNeed } from './dietary.ts';

export const DIETARY_LABELS: Record<DietaryNeed, string> = {
  vegetarian: 'Vegetarian',
  vegan: 'Vegan',
  'gluten-free': 'Gluten-free',
  'dairy-free': 'Dairy-free',
  'nut allergy': 'Nut allergy',
  halal: 'Halal',
  other: 'Other (ask them)',
};

interface FoodRule {
  item: string;
  unit: string;
  /** How much for each adult expected. */
  perAdult: number;
  /** How much whatever the numbers (a pint of milk for the facilitators' tea). */
  fixed: number;
  /** Rounded up to whole packs of this size. */
  pack: number;
}

/**
 * A homely group with food and hot drinks (DOMAIN.md): two hot drinks each over two hours, milk at a pint per
 * eight cups, and something to eat. Facilitators count as adults too: they drink tea.
 */
const FOOD_RULES: readonly FoodRule[] = [
  { item: 'Tea bags', unit: 'bags', perAdult: 2, fixed: 0, pack: 1 },
  { item: 'Coffee', unit: 'spoonfuls', perAdult: 1, fixed: 0, pack: 1 },
  { item: 'Milk', unit: 'pints', perAdult: 0.25, fixed: 1, pack: 1 },
  { item: 'Biscuits', unit: 'biscuits', perAdult: 3, fixed: 0, pack: 1 },
  { item: 'Fruit', unit: 'pieces', perAdult: 1, fixed: 0, pack: 1 },
  { item: 'Sandwiches or toast', unit: 'rounds', perAdult: 1, fixed: 0, pack: 1 },
];

export interface FoodLine {
  item: string;
  quantity: number;
  unit: string;
}

/** The list for a session: `adults` is everyone expected plus the facilitators, never fewer than one. */
export function foodList(adults: number): FoodLine[] {
  const people = Math.max(1, Math.floor(adults));
  return FOOD_RULES.map(({ item, unit, perAdult, fixed, pack }) => ({
    item,
    unit,
    quantity: Math.ceil((fixed + perAdult * people) / pack) * pack,
  }));
}

export interface DietaryCount {
  need: DietaryNeed;
  label: string;
  count: number;
}

/**
 * How many of these people have each dietary need: counts only, never who. Shown to the team, who plan the food;
 * a count of one in a small group can still point to someone, so it is never shown on a room-facing screen.
 */
export function dietaryCounts(attendees: readonly Attendee[]): DietaryCount[] {
  return DIETARY_NEEDS.map((need) => ({
    need,
    label: DIETARY_LABELS[need],
    count: attendees.filter((attendee) => attendee.deleted !== true && attendee.dietary?.includes(need)).length,
  })).filter((entry) => entry.count > 0);
}

export interface CakeCount {
  cake: string;
  count: number;
}

const capitalFirst = (text: string) => text.charAt(0).toLocaleUpperCase('en-GB') + text.slice(1);

/** Tidies a cake's name so that "victoria sponge " and "Victoria Sponge" are one line for the baker. */
function cakeKey(cake: string): string {
  return cake.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
}

/**
 * The baker's list: each cake these people said they would be, with how many, and no names. The first spelling
 * met is the one shown, with a capital letter. Sorted most wanted first, then by name.
 */
export function bakerList(attendees: readonly Attendee[]): CakeCount[] {
  const counts = new Map<string, CakeCount>();
  for (const attendee of attendees) {
    if (attendee.deleted === true || !attendee.cake?.trim()) continue;
    const key = cakeKey(attendee.cake);
    const known = counts.get(key);
    if (known) known.count += 1;
    else counts.set(key, { cake: capitalFirst(attendee.cake.trim().replace(/\s+/g, ' ')), count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.cake.localeCompare(b.cake, 'en-GB'));
}

/** Quick answers to "if you were a cake…", one tap each at check-in. */
export const CAKE_CHOICES = [
  'Victoria sponge',
  'Chocolate cake',
  'Carrot cake',
  'Lemon drizzle',
  'Coffee and walnut',
  'Cupcake',
] as const;
