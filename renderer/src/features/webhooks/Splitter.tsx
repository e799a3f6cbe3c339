import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

const MIN = 30;
const MAX = 70;
const STEP = 5;
const clamp = (value: number): number => Math.min(MAX, Math.max(MIN, Math.round(value)));

/** The left share of a two-column layout in percent, kept across visits under `storageKey`. */
export function useSplit(storageKey: string, initial = 50): [number, (value: number) => void] {
  const [value, setValue] = useState(() => {
    const stored = Number(globalThis.localStorage?.getItem(storageKey));
    return Number.isFinite(stored) && stored >= MIN && stored <= MAX ? stored : initial;
  });
  const set = useCallback(
    (next: number) => {
      const v = clamp(next);
      setValue(v);
      try {
        localStorage.setItem(storageKey, String(v));
      } catch {
        // Private mode: the split is just not remembered.
      }
    },
    [storageKey],
  );
  return [value, set];
}

/**
 * A vertical splitter between two columns: drag it, or focus it and use the arrow keys (Home and End
 * go to the limits). The value is the left column's share in percent.
 */
export function Splitter({ value, onChange, label, controls }: { value: number; onChange: (value: number) => void; label: string; controls: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent): void => {
    const next = { ArrowLeft: value - STEP, ArrowRight: value + STEP, Home: MIN, End: MAX }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    onChange(next);
  };
  const onPointerDown = (e: PointerEvent): void => {
    const row = ref.current?.parentElement;
    if (!row) return;
    e.preventDefault();
    ref.current?.setPointerCapture(e.pointerId);
    const box = row.getBoundingClientRect();
    const move = (ev: globalThis.PointerEvent): void => onChange(((ev.clientX - box.left) / box.width) * 100);
    const up = (): void => {
      ref.current?.removeEventListener('pointermove', move);
      ref.current?.removeEventListener('pointerup', up);
    };
    ref.current?.addEventListener('pointermove', move);
    ref.current?.addEventListener('pointerup', up);
  };
  return (
    <div
      ref={ref}
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuemin={MIN}
      aria-valuemax={MAX}
      aria-valuenow={value}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
    />
  );
}
