// What the server sends back, shared with the server's pipeline so both sides agree.
export type { Plate, PlateReading } from '../server/pipeline/types.ts';

/** `GET /api/samples` */
export interface SampleList {
  samples: { id: string; label: string; url: string }[];
}

/** The photo endpoint: multipart upload, field "image" (see server/routes/plates.ts). */
export const PLATES_URL = '/api/plates';
export const SAMPLES_URL = '/api/samples';

/** Largest photo the server accepts (server/app.ts DEFAULT_MAX_UPLOAD_BYTES). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
