/** Long side of what we upload: the server reads plates at this size anyway (pipeline decode step). */
export const UPLOAD_MAX_SIDE = 2048;

/** What to send: the photo, scaled down if it was big; `viewable` is false if the browser cannot decode it. */
export interface PreparedPhoto {
  photo: Blob;
  viewable: boolean;
}

/**
 * Scales a big photo down in the browser before it is sent: a 12-megapixel phone photo becomes a
 * few hundred KB, so uploads are quick on a phone, and the plate boxes that come back are in
 * the same pixels as the picture on screen. EXIF orientation is applied while drawing.
 * Anything the browser cannot decode is returned as is (`viewable: false`), for the server to
 * explain (415/400) — and for the page not to show as a broken picture.
 */
export async function shrinkPhoto(photo: Blob, maxSide = UPLOAD_MAX_SIDE): Promise<PreparedPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(photo, { imageOrientation: 'from-image' });
  } catch {
    return { photo, viewable: false };
  }
  const scale = maxSide / Math.max(bitmap.width, bitmap.height);
  if (scale >= 1) {
    bitmap.close();
    return { photo, viewable: true };
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const smaller = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', 0.92),
  );
  return { photo: smaller ?? photo, viewable: true };
}
