/** Five star buttons; clicking the current rating again clears it. */
export function StarRating({
  title,
  value,
  onChange,
}: {
  /** The movie's name, for screen readers ("Rate Alien: 4 stars"). */
  title: string;
  value: number | undefined;
  onChange: (stars: number | undefined) => void;
}) {
  return (
    <span className="stars" role="group" aria-label={`Rate ${title}`}>
      {[1, 2, 3, 4, 5].map((stars) => (
        <button
          key={stars}
          type="button"
          className={`stars__star${value !== undefined && stars <= value ? ' stars__star--on' : ''}`}
          aria-label={`${stars} star${stars > 1 ? 's' : ''}`}
          aria-pressed={value === stars}
          onClick={() => onChange(value === stars ? undefined : stars)}
        >
          ★
        </button>
      ))}
    </span>
  );
}
