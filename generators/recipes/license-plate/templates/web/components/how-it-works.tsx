// The pipeline in four lines, shown before the first photo: what the server does with it.
const STEPS = [
  ['Decode', 'The photo is turned upright (EXIF) and into RGB pixels.'],
  ['Detect', 'PP-OCR detection marks every line of text in the picture.'],
  ['Recognise', 'Plate-shaped regions are cropped and read in one batch.'],
  ['Rank', 'Readings that look like real plate formats come first.'],
] as const;

export function HowItWorks() {
  return (
    <section className="sml-card how" aria-label="How it works">
      <h2 className="sml-section-title">How it works</h2>
      <ol className="how__steps">
        {STEPS.map(([name, text], i) => (
          <li key={name}>
            <span className="how__num">{i + 1}</span>
            <span>
              <strong>{name}.</strong> {text}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
