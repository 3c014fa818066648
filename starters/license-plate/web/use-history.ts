import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlateReading } from './api.js';

/** One photo the user sent, with its preview URL and, once answered, the reading. */
export interface Shot {
  id: string;
  name: string;
  /** What was sent (scaled down), to send again with another region setting. */
  photo: Blob;
  /** Object URL of the photo, for <img>; undefined for a file the browser cannot show. */
  url?: string;
  reading?: PlateReading;
  /** Browser-measured time of the request, ms. */
  roundTripMs?: number;
}

/**
 * The current photo plus the last `limit` answered ones. Object URLs are revoked when a photo
 * leaves both the screen and the list, so previews do not pile up in memory.
 */
export function useHistory(limit = 6) {
  const [current, setCurrent] = useState<Shot>();
  const [recent, setRecent] = useState<Shot[]>([]);
  const live = useRef(new Set<string>());

  const release = useCallback((keep: Shot[]) => {
    const keepUrls = new Set(keep.map((s) => s.url));
    for (const url of live.current) {
      if (!keepUrls.has(url)) {
        URL.revokeObjectURL(url);
        live.current.delete(url);
      }
    }
  }, []);

  /** Makes `photo` the current shot; `viewable: false` keeps it off the screen (no broken image). */
  const show = useCallback((photo: Blob, name: string, viewable = true): Shot => {
    const shot: Shot = { id: crypto.randomUUID(), name, photo };
    if (viewable) {
      shot.url = URL.createObjectURL(photo);
      live.current.add(shot.url);
    }
    setCurrent(shot);
    return shot;
  }, []);

  const answered = useCallback(
    (shot: Shot, reading: PlateReading, roundTripMs: number | undefined) => {
      const done: Shot = {
        ...shot,
        reading,
        ...(roundTripMs !== undefined ? { roundTripMs } : {}),
      };
      setCurrent((c) => (c?.id === shot.id ? done : c));
      setRecent((list) => [done, ...list.filter((s) => s.id !== shot.id)].slice(0, limit));
    },
    [limit],
  );

  // Revoke URLs no longer shown anywhere (after React has committed the new state).
  useEffect(() => release([...recent, ...(current ? [current] : [])]), [recent, current, release]);
  useEffect(() => () => release([]), [release]);

  return { current, recent, show, answered, reopen: setCurrent };
}
