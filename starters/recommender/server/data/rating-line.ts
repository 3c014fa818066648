import type { IdIndex, RatingColumnsBuilder } from './rating-columns.js';
import type { RatingScale } from './types.js';

/**
 * Checks one rating's fields and appends it; returns why it was skipped, if it was.
 * Shared by the ml-100k (tab-separated) and ml-latest (CSV) loaders.
 */
export function addRatingFields(
  fields: string[] | null,
  scale: RatingScale,
  items: IdIndex,
  users: IdIndex,
  out: RatingColumnsBuilder,
  options: { addUsers: boolean },
): string | undefined {
  if (!fields || fields.length < 3)
    return `expected user, item, rating; got ${JSON.stringify(fields)}`;
  const [userId, itemId, ratingText] = fields.map((f) => f.trim()) as [string, string, string];
  if (!/^\d+$/.test(userId)) return `user id "${userId}" is not a whole number`;
  const item = items.get(itemId);
  if (item === undefined) return `unknown item id "${itemId}"`;
  const value = Number(ratingText);
  if (ratingText === '' || !Number.isFinite(value)) return `rating "${ratingText}" is not a number`;
  if (!onScale(value, scale)) return `rating ${value} is outside ${describeScale(scale)}`;
  const user = options.addUsers ? users.add(userId) : users.get(userId);
  if (user === undefined) return `user ${userId} has no ratings in the training file`;
  out.add(user, item, value);
  return undefined;
}

/** True when `value` is within the scale and a whole number of steps from its minimum. */
export function onScale(value: number, scale: RatingScale): boolean {
  if (!(value >= scale.min && value <= scale.max)) return false;
  const steps = (value - scale.min) / scale.step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

/** "1..5 in steps of 1" */
export function describeScale(scale: RatingScale): string {
  return `${scale.min}..${scale.max} in steps of ${scale.step}`;
}
