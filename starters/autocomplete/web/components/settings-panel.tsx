import type { Settings } from '../api.js';

export interface SettingsPanelProps {
  settings: Settings;
  onChange(settings: Settings): void;
  /** The model the server serves (models.json's default). */
  model: string | undefined;
}

/** Length, temperature and number of alternatives: what every request to the model carries. */
export function SettingsPanel({ settings, onChange, model }: SettingsPanelProps) {
  const set = (patch: Partial<Settings>) => onChange({ ...settings, ...patch });
  return (
    <section className="sml-card panel" aria-labelledby="settings-title">
      <h2 className="sml-section-title" id="settings-title">
        Settings
      </h2>
      <label className="setting">
        <span>
          Length <output>{settings.maxNewTokens}</output> tokens
        </span>
        <input
          type="range"
          min={4}
          max={64}
          value={settings.maxNewTokens}
          onChange={(e) => set({ maxNewTokens: Number(e.target.value) })}
        />
      </label>
      <label className="setting">
        <span>
          Temperature <output>{settings.temperature.toFixed(1)}</output>
        </span>
        <input
          type="range"
          min={0}
          max={1.5}
          step={0.1}
          value={settings.temperature}
          onChange={(e) => set({ temperature: Number(e.target.value) })}
        />
      </label>
      <label className="setting">
        <span>Alternatives</span>
        <select value={settings.n} onChange={(e) => set({ n: Number(e.target.value) })}>
          {[1, 2, 3, 4].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <p className="muted setting__model">
        Model: <code>{model ?? '…'}</code> (set in <code>models.json</code>)
      </p>
    </section>
  );
}
