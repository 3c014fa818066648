// What the server sends back, shared with the server's pipeline so both sides agree.
export type { Plate, PlateReading } from '../server/pipeline/types.js';

/** `GET /api/samples` */
export interface SampleList {
  samples: { id: string; label: string; url: string }[];
}

/** The photo endpoint: multipart upload, field "image", `?region=` (see server/routes.ts). */
export const PLATES_URL = '/api/plates';
export const SAMPLES_URL = '/api/samples';

/**
 * Largest file the page takes. Photos are scaled down to `UPLOAD_MAX_SIDE` before upload
 * (shrink-photo.ts), so this may exceed the server's 10 MB limit (server/app.ts
 * DEFAULT_MAX_UPLOAD_BYTES): what is sent is a few hundred KB.
 */
export const MAX_PHOTO_BYTES = 40 * 1024 * 1024;
