// The dietary needs a person may have, kept apart from the food list (food.ts) so that the person's schema can name
// them without a loop back to it.
export const DIETARY_NEEDS = [
  'vegetarian',
  'vegan',
  'gluten-free',
  'dairy-free',
  'nut allergy',
  'halal',
  'other',
] as const;
export type DietaryNeed = (typeof DIETARY_NEEDS)[number];
