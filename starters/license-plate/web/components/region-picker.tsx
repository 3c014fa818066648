import type { RegionSetting } from '../../server/pipeline/regions/types.js';

/** What the picker calls each region setting; the server's `?region=` takes the keys. */
export const REGION_LABELS: Record<RegionSetting, string> = {
  auto: 'Auto — from the photo',
  eu: 'Europe',
  us: 'United States',
  br: 'Brazil',
};

export interface RegionPickerProps {
  value: RegionSetting;
  onChange: (region: RegionSetting) => void;
  disabled?: boolean;
}

/** "Read as: [Auto ▾]": whose plate formats the server reads the next photo with. */
export function RegionPicker({ value, onChange, disabled = false }: RegionPickerProps) {
  return (
    <label className="region-picker">
      <span>Read as</span>
      <select
        className="region-picker__select"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.value as RegionSetting)}
        data-testid="region-picker"
      >
        {Object.entries(REGION_LABELS).map(([id, label]) => (
          <option key={id} value={id}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
