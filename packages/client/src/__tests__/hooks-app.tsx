// A page that exercises the React hooks in a real browser; bundled by hooks.browser.test.ts.
import { createRoot } from 'react-dom/client';
import { createClient } from '../client.js';
import { getJson } from '../api.js';
import { useGenerateStream, useMutation, useUpload } from '../react/index.js';

const client = createClient();

function App() {
  const upload = useUpload<{ size: number; filename: string }>('/api/upload');
  const echo = useMutation((signal, value: string, delay: number) =>
    getJson<{ value: string }>(`/api/echo/${value}?delay=${delay}`, { signal }),
  );
  const gen = useGenerateStream<{ text_output: string }>(client, 'double');
  return (
    <main>
      <input
        id="file"
        type="file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void upload.run(file);
        }}
      />
      <output id="upload">
        {upload.status}:{upload.data ? `${upload.data.filename}/${upload.data.size}` : ''}
      </output>
      <button
        id="race"
        onClick={() => {
          void echo.run('slow', 400);
          void echo.run('fast', 0);
        }}
      >
        race
      </button>
      <button id="fail" onClick={() => void echo.run('fail', 0)}>
        fail
      </button>
      <output id="echo">
        {echo.status}:{echo.data?.value ?? ''}:{echo.error?.message ?? ''}
      </output>
      <button id="gen" onClick={() => void gen.run({ count: 3 })}>
        generate
      </button>
      <button id="gen-long" onClick={() => void gen.run({ count: 1000, delayMs: 20 })}>
        generate long
      </button>
      <button id="gen-stop" onClick={gen.abort}>
        stop
      </button>
      <output id="gen-status">{gen.status}</output>
      <output id="gen-out">{gen.events.map((e) => e.text_output).join(',')}</output>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
