import { useState, type FormEvent } from 'react';

interface Prediction {
  fahrenheit: number;
}

/** One input, one answer: the page sends the number to /api/predict, which runs the model. */
export function App() {
  const [celsius, setCelsius] = useState('37');
  const [result, setResult] = useState<Prediction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function predict(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/predict', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ celsius: Number(celsius) }),
      });
      const body = (await res.json()) as Prediction & { error?: string };
      if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
      setResult(body);
    } catch (err) {
      setResult(null);
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main>
      <h1>Celsius to Fahrenheit</h1>
      <p>
        A one-layer ONNX model (°F = °C × 1.8 + 32) served by @shipml/serve. It is a placeholder:
        README.md says how to put your own model in its place.
      </p>
      <form onSubmit={(e) => void predict(e)}>
        <label>
          Temperature in °C
          <input
            name="celsius"
            type="number"
            step="any"
            required
            value={celsius}
            onChange={(e) => setCelsius(e.target.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          Convert
        </button>
      </form>
      {result && <output aria-live="polite">{result.fahrenheit.toFixed(1)} °F</output>}
      {error && <p role="alert">{error}</p>}
    </main>
  );
}
