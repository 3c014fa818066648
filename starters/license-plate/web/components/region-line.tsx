import type { PlateReading } from '../api.js';

/** "Read as United States — Arizona, chosen from the photo": which formats ranked the plates. */
export function RegionLine({ region }: { region: NonNullable<PlateReading['region']> }) {
  return (
    <p className="region-line" data-testid="region-line">
      Read as{' '}
      <strong>
        {region.name}
        {region.state ? ` — ${region.state}` : ''}
      </strong>
      <span className="region-line__from">
        {region.from === 'setting'
          ? ', as set'
          : region.evidence === 'layout'
            ? ", guessed from the plate's layout"
            : region.evidence === 'none'
              ? ', a guess: nothing on the photo said where the plate is from'
              : ', chosen from the photo'}
      </span>
    </p>
  );
}
