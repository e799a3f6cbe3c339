import { useCallback, useMemo, useRef, useState } from 'react';

export interface PointerSelect {
  shift: boolean;
  /** Ctrl on Windows and Linux, Cmd on macOS: toggles one row. */
  toggle: boolean;
}

export interface MultiSelect {
  selected: ReadonlySet<string>;
  /** The row last clicked or moved to: the one inspected. */
  activeId: string | null;
  /** A click (with Shift or Ctrl/Cmd), or a keyboard move (no modifier: selects that row only). */
  pick: (id: string, how?: PointerSelect) => void;
  selectAll: () => void;
  clear: () => void;
  /** The selected ids in list order (ids no longer in the list are left out). */
  orderedSelection: string[];
}

/**
 * Selection over an ordered list of ids as file managers do it: a click selects one row, Shift+click
 * the range from the last plain click, Ctrl/Cmd+click adds or removes one row, Ctrl/Cmd+A all.
 */
export function useMultiSelect(ids: readonly string[], initialActive: string | null = null): MultiSelect {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(initialActive ? [initialActive] : []));
  const [activeId, setActiveId] = useState<string | null>(initialActive);
  const anchor = useRef<string | null>(initialActive);
  const idsRef = useRef(ids);
  idsRef.current = ids;

  const pick = useCallback((id: string, how: PointerSelect = { shift: false, toggle: false }) => {
    setActiveId(id);
    if (how.shift && anchor.current !== null) {
      const list = idsRef.current;
      const from = list.indexOf(anchor.current);
      const to = list.indexOf(id);
      if (from >= 0 && to >= 0) {
        const [a, b] = from < to ? [from, to] : [to, from];
        setSelected(new Set(list.slice(a, b + 1)));
        return;
      }
    }
    anchor.current = id;
    if (how.toggle) {
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
      return;
    }
    setSelected(new Set([id]));
  }, []);

  const selectAll = useCallback(() => setSelected(new Set(idsRef.current)), []);
  const clear = useCallback(() => {
    setSelected(new Set());
    anchor.current = null;
  }, []);
  const orderedSelection = useMemo(() => ids.filter((id) => selected.has(id)), [ids, selected]);
  return { selected, activeId, pick, selectAll, clear, orderedSelection };
}
