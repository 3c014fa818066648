import { useEffect, useState } from 'react';

/**
 * An object URL for a Blob/File (to show an upload in an `<img>`), revoked when the blob changes
 * or the component unmounts, so previews do not leak memory.
 */
export function useObjectUrl(blob: Blob | null | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) {
      setUrl(undefined);
      return;
    }
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url;
}
