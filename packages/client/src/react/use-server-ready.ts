import { useEffect, useState } from 'react';
import { createClient, type ShipmlClient } from '../client.js';

/** What `useServerReady` reports. */
export type ServerReadiness = 'checking' | 'ready' | 'not-ready';

/**
 * `GET /v2/health/ready`, polled every `intervalMs`: 'ready' once the server's models are
 * loaded, 'not-ready' while they load or when the server cannot be reached.
 */
export function useServerReady(
  intervalMs = 10_000,
  client: ShipmlClient = defaultClient(),
): ServerReadiness {
  const [state, setState] = useState<ServerReadiness>('checking');
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
  }, [intervalMs, client]);
  return state;
}

let shared: ShipmlClient | undefined;
function defaultClient(): ShipmlClient {
  shared ??= createClient();
  return shared;
}
