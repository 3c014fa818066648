import { useEffect, useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { matchesAccept } from './accept.js';
import { cx, formatBytes } from './format.js';

export interface DropZoneProps {
  /** Called with one accepted file: dropped, pasted, picked or shot with the camera. */
  onFile: (file: File) => void;
  /** Called instead of `onFile` when a file is refused, with a sentence to show the user. */
  onReject?: (message: string) => void;
  /** `<input accept>` list; default `'image/*'`. Dropped and pasted files are checked too. */
  accept?: string;
  /** Refuse files bigger than this many bytes (the server's limit, to fail fast). */
  maxBytes?: number;
  /** Offer "Take a photo" (opens the rear camera on phones; hidden on devices with a mouse). */
  camera?: boolean;
  /** Listen for Ctrl/Cmd+V of an image anywhere on the page; default true. */
  pasteAnywhere?: boolean;
  disabled?: boolean;
  /** Smaller layout once something is shown above it. */
  compact?: boolean;
  /** Headline; default "Drop a photo here". */
  title?: ReactNode;
  /** Second line, e.g. "JPEG, PNG or WebP, up to 10 MB". */
  hint?: ReactNode;
}

/** Where a user gives the app a file: drag and drop, paste, file picker or phone camera. */
export function DropZone({
  onFile,
  onReject,
  accept = 'image/*',
  maxBytes,
  camera = true,
  pasteAnywhere = true,
  disabled = false,
  compact = false,
  title = 'Drop a photo here',
  hint,
}: DropZoneProps) {
  const pickRef = useRef<HTMLInputElement>(null);
  const cameraRef = useRef<HTMLInputElement>(null);
  const [dragDepth, setDragDepth] = useState(0);
  const hintId = useId();

  const take = (files: FileList | null | undefined): boolean => {
    const file = files?.[0];
    if (!file || disabled) return false;
    if (!matchesAccept(file, accept)) {
      onReject?.(`“${file.name || 'That file'}” is not a supported file type (${accept}).`);
      return true;
    }
    if (maxBytes !== undefined && file.size > maxBytes) {
      onReject?.(
        `“${file.name}” is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.`,
      );
      return true;
    }
    onFile(file);
    return true;
  };
  // The window paste listener calls the latest `take` without re-subscribing on every render.
  const takeRef = useRef(take);
  useEffect(() => {
    takeRef.current = take;
  });

  useEffect(() => {
    if (!pasteAnywhere) return;
    const onPaste = (event: ClipboardEvent) => {
      const files = event.clipboardData?.files;
      if (files && files.length > 0 && takeRef.current(files)) event.preventDefault();
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [pasteAnywhere]);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragDepth(0);
    take(event.dataTransfer.files);
  };

  return (
    <div
      className={cx(
        'sml-drop',
        dragDepth > 0 && 'sml-drop--over',
        compact && 'sml-drop--compact',
        disabled && 'sml-drop--disabled',
      )}
      data-testid="drop-zone"
      onDragEnter={(e) => {
        e.preventDefault();
        setDragDepth((d) => d + 1);
      }}
      onDragOver={(e) => e.preventDefault()}
      onDragLeave={() => setDragDepth((d) => Math.max(0, d - 1))}
      onDrop={onDrop}
      onClick={(e) => {
        // Clicks on the buttons open their own pickers; elsewhere the zone opens the default one.
        if (!disabled && !(e.target instanceof HTMLButtonElement)) pickRef.current?.click();
      }}
    >
      <UploadIcon />
      <div className="sml-drop__text">
        <p className="sml-drop__title">{title}</p>
        <p className="sml-drop__hint" id={hintId}>
          {hint ?? 'or paste one, or pick a file'}
        </p>
      </div>
      <div className="sml-drop__buttons">
        <button
          type="button"
          className="sml-button sml-button--primary"
          disabled={disabled}
          aria-describedby={hintId}
          onClick={() => pickRef.current?.click()}
        >
          Choose a photo
        </button>
        {camera ? (
          <button
            type="button"
            className="sml-button sml-drop__camera"
            disabled={disabled}
            onClick={() => cameraRef.current?.click()}
          >
            Take a photo
          </button>
        ) : null}
      </div>
      <input
        ref={pickRef}
        type="file"
        accept={accept}
        hidden
        data-testid="drop-zone-input"
        onChange={(e) => {
          take(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
      {camera ? (
        <input
          ref={cameraRef}
          type="file"
          accept={accept}
          capture="environment"
          hidden
          data-testid="drop-zone-camera"
          onChange={(e) => {
            take(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      ) : null}
    </div>
  );
}

function UploadIcon() {
  return (
    <svg className="sml-drop__icon" viewBox="0 0 24 24" aria-hidden="true">
      <path
        d="M4 16.5V18a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-1.5M12 15V4m0 0L7.5 8.5M12 4l4.5 4.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
