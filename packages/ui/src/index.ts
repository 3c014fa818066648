export { AppShell, type AppShellProps } from './app-shell.js';
export { ConfidenceMeter, type ConfidenceMeterProps } from './confidence-meter.js';
export { DropZone, type DropZoneProps } from './drop-zone.js';
export { ErrorBanner, describeError, type ErrorBannerProps } from './error-banner.js';
export {
  ImageBoxes,
  boxToPercent,
  type Box,
  type ImageBoxesProps,
  type LabelledBox,
} from './image-boxes.js';
export { RecentList, type RecentItem, type RecentListProps } from './recent-list.js';
export { ResultCard, type ResultCardProps } from './result-card.js';
export { SampleStrip, type Sample, type SampleStripProps } from './sample-strip.js';
export { Spinner, type SpinnerProps } from './spinner.js';
export { StatusPill, type StatusPillProps, type Tone } from './status-pill.js';
export { LatencyBadge, Timings, type LatencyBadgeProps, type TimingsProps } from './timings.js';
export { useObjectUrl } from './use-object-url.js';
export { matchesAccept } from './accept.js';
export { formatBytes, formatMs, formatPercent } from './format.js';
