/** Plate characters drawn like a plate: dark letters on a light, bordered tag. */
export function PlateText({ text, size = 'large' }: { text: string; size?: 'large' | 'small' }) {
  return (
    <span className={`plate plate--${size}`} data-testid="plate-text">
      {text || '—'}
    </span>
  );
}
