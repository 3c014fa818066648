import { ctcDecode, type Decoded } from './ctc-decode.js';
import { toRecognizeInput } from './recognize-input.js';
import type { PlateModels, RgbImage } from './types.js';

/**
 * What one extra recogniser call costs, in crop columns: about 3 ms of fixed overhead on a 2-core
 * CPU, where one 48-px-high column costs about 0.04 ms.
 */
const CALL_COST = 64;

/**
 * Group crops (by index) into recognition batches of similar width. A batch is padded to its
 * widest crop and the recogniser's time grows with crops × width, so one 384-px slogan in a batch
 * of 150-px serials would make every serial cost 384 columns. The crops are sorted by width and
 * cut into runs that minimise Σ (count × widest + `callCost`) — dynamic programming over the cut
 * points, exact because the best groups of a sorted list are runs.
 */
export function widthGroups(widths: number[], callCost = CALL_COST): number[][] {
  const order = widths.map((_, i) => i).sort((a, b) => widths[a]! - widths[b]!);
  const w = order.map((i) => Math.ceil(widths[i]! / 8) * 8);
  // best[j]: the cheapest cost of batching the first j crops; cut[j]: where its last batch starts.
  const best = [0];
  const cut = [0];
  for (let j = 1; j <= w.length; j++) {
    best[j] = Infinity;
    for (let i = 0; i < j; i++) {
      const cost = best[i]! + (j - i) * w[j - 1]! + callCost;
      if (cost < best[j]!) [best[j], cut[j]] = [cost, i];
    }
  }
  const groups: number[][] = [];
  for (let j = w.length; j > 0; j = cut[j]!) groups.unshift(order.slice(cut[j]!, j));
  return groups;
}

/**
 * Step 4a–b — recognise 48-px-high crops, a few calls of similar width (see `widthGroups`), and
 * decode them; the readings come back in the crops' order.
 */
export async function recognizeCrops(
  crops: RgbImage[],
  models: PlateModels,
  dictionary: string[],
): Promise<Decoded[]> {
  const decoded: Decoded[] = new Array<Decoded>(crops.length);
  for (const group of widthGroups(crops.map((c) => c.width))) {
    // [n, T, 6625]: for each crop and each 8-pixel column step, a probability per character class.
    const probs = await models.recognize(toRecognizeInput(group.map((i) => crops[i]!)));
    ctcDecode(probs, dictionary).forEach((d, k) => (decoded[group[k]!] = d));
  }
  return decoded;
}
