export interface SpinnerProps {
  /** Read by screen readers; default "Loading". */
  label?: string;
  size?: number;
}

/** An accessible indeterminate spinner (CSS animation, respects reduced motion). */
export function Spinner({ label = 'Loading', size = 18 }: SpinnerProps) {
  return (
    <span
      className="sml-spinner"
      role="progressbar"
      aria-label={label}
      style={{ width: size, height: size }}
    />
  );
}
