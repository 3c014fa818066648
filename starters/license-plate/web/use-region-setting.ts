import { useCallback, useState } from 'react';
import type { RegionSetting } from '../server/pipeline/regions/types.js';
import { REGION_LABELS } from './components/region-picker.js';

const KEY = 'plate-reader.region';

/** The setting saved in this browser, if it is still one the picker offers. */
function saved(): RegionSetting | undefined {
  try {
    const value = localStorage.getItem(KEY);
    return value !== null && value in REGION_LABELS ? (value as RegionSetting) : undefined;
  } catch {
    return undefined; // storage blocked (private mode, strict settings): start from auto
  }
}

/**
 * The region setting, remembered in this browser: someone in the United States picks "United
 * States" once, not on every visit. Starts at `auto` the first time.
 */
export function useRegionSetting(): [RegionSetting, (region: RegionSetting) => void] {
  const [region, setRegion] = useState<RegionSetting>(() => saved() ?? 'auto');
  const choose = useCallback((next: RegionSetting) => {
    setRegion(next);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // not remembered, still used for this visit
    }
  }, []);
  return [region, choose];
}
