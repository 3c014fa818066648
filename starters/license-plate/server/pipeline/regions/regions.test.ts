import { describe, expect, it } from 'vitest';
import { expandLayout } from '../plate-format.js';
import { isRegionSetting, REGIONS, REGION_SETTINGS } from './regions.js';

const isDigit = (c: string) => c >= '0' && c <= '9';

describe('region data', () => {
  it('has layouts that expand to plate-length class strings', () => {
    for (const region of Object.values(REGIONS)) {
      const layouts = [...region.layouts, ...(region.subregions ?? []).flatMap((s) => s.layouts)];
      for (const [layout, weight] of layouts) {
        expect(weight, `${region.id} ${layout}`).toBeGreaterThan(0);
        expect(weight).toBeLessThanOrEqual(1);
        for (const t of expandLayout(layout)) expect(t).toMatch(/^[LDX]{3,10}$/);
      }
    }
  });

  it('only swaps a letter for a digit and back', () => {
    for (const region of Object.values(REGIONS)) {
      for (const [from, to] of Object.entries(region.lookAlikes)) {
        for (const c of to) expect(isDigit(c), `${region.id} ${from}→${c}`).not.toBe(isDigit(from));
      }
    }
  });

  it('knows the common serials: California 1ABC234, Mercosul ABC1D23', () => {
    const california = REGIONS.us.subregions!.find((s) => s.name === 'California')!;
    expect(california.layouts.flatMap(([l]) => expandLayout(l))).toContain('DLLLDDD');
    expect(REGIONS.br.layouts.flatMap(([l]) => expandLayout(l))).toContain('LLLDLDD');
  });

  it('knows every US state and DC, each by its name', () => {
    const states = REGIONS.us.subregions!;
    expect(new Set(states.map((s) => s.name)).size).toBe(51);
    for (const state of states) {
      expect(state.clues, state.name).toContain(state.name.toUpperCase());
      expect(state.layouts.length, state.name).toBeGreaterThan(0);
    }
  });

  it('parses the region setting', () => {
    expect(REGION_SETTINGS).toEqual(['auto', 'eu', 'us', 'br']);
    expect(isRegionSetting('us')).toBe(true);
    expect(isRegionSetting('US')).toBe(false);
    expect(isRegionSetting(undefined)).toBe(false);
  });
});
