import { useEffect, useState } from 'react';
import { createClient } from '@shipml/client';

const client = createClient();

/** `GET /v2/health/ready`, polled: 'ready' once both models are loaded, 'offline' if unreachable. */
export function useServerReady(intervalMs = 10_000): 'checking' | 'ready' | 'not-ready' {
  const [state, setState] = useState<'checking' | 'ready' | 'not-ready'>('checking');
  useEffect(() => {
    let stopped = false;
    const check = async () => {
      const ready = await client.serverReady().catch(() => false);
      if (!stopped) setState(ready ? 'ready' : 'not-ready');
    };
    void check();
    const timer = setInterval(() => void check(), intervalMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [intervalMs]);
  return state;
}
