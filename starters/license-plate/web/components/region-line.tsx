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
        {region.from === 'photo' ? ', chosen from the photo' : ', as set'}
      </span>
    </p>
  );
}
