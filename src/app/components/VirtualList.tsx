// A list that may hold thousands of rows: short lists render whole; long ones render only the rows near the
// screen (with @tanstack/react-virtual, scrolling with the page), each row still a list item that says where it
// stands in the whole list (aria-setsize, aria-posinset), so a screen reader announces "12 of 4,000". The row
// that holds focus stays in the page however far the list scrolls, so a keyboard user's focus never falls away.
import { memo, useCallback, useLayoutEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { measureElement, useWindowVirtualizer, type VirtualItem } from '@tanstack/react-virtual';

/** Lists longer than this are windowed. */
export const WINDOW_FROM = 60;

/** What a row's <li> must carry: its place in the whole list, and a ref to measure its height when windowed. */
export interface ListItemProps {
  ref?: Ref<HTMLLIElement>;
  'data-index'?: number;
  'aria-setsize'?: number;
  'aria-posinset'?: number;
}

export interface VirtualListProps<T> {
  items: readonly T[];
  /** A row's key; the same function from render to render (say, one declared outside the component). */
  itemKey: (item: T) => string;
  /** The usual height of a row in pixels, before it is measured. */
  estimateSize: number;
  /** The list's CSS gap between rows, in pixels. */
  gap?: number;
  className?: string;
  label?: string;
  /** Renders one row; its <li> takes `item` props. The same function from render to render, as `itemKey`. */
  renderItem: (item: T, itemProps: ListItemProps) => ReactNode;
}

/**
 * Drawn again only when what it is given changes: a screen that draws again for something else (a key typed in a
 * search that still matches the same people) leaves the rows alone, given the same items and the same functions.
 */
export const VirtualList = memo(AnyLengthList) as typeof AnyLengthList;

function AnyLengthList<T>(props: VirtualListProps<T>) {
  if (props.items.length <= WINDOW_FROM) {
    return (
      <ul className={props.className} aria-label={props.label}>
        {props.items.map((item) => props.renderItem(item, {}))}
      </ul>
    );
  }
  return <WindowedList {...props} />;
}

/**
 * Where each labelled list last started on the page, and the heights of the rows it last measured: a screen opened
 * again usually lays them out as they were, so its first render places the rows there, rather than placing them by
 * estimate and again once they are measured.
 */
const lastMargins = new Map<string, number>();
const lastSizes = new Map<string, VirtualItem[]>();

function WindowedList<T>({ items, itemKey, estimateSize, gap = 8, className, label, renderItem }: VirtualListProps<T>) {
  const listRef = useRef<HTMLUListElement>(null);
  // The key of the row that holds focus (or something in it), while it does.
  const [focusedKey, setFocusedKey] = useState<string | undefined>(undefined);
  // Where the list starts on the page: what is above it (a search box, other lists) moves it; measured again
  // whenever the rows change (the overscan covers a few pixels' drift in between).
  const [margin, setMargin] = useState(() => (label === undefined ? 0 : (lastMargins.get(label) ?? 0)));
  useLayoutEffect(() => {
    const top = (listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
    if (label !== undefined) lastMargins.set(label, top);
    if (Math.abs(top - margin) > 1) setMargin(top);
  }, [margin, items, label]);
  // The same function while the rows are the same: the virtualizer places every row again when it changes.
  const getItemKey = useCallback(
    (index: number) => {
      const item = items[index];
      return item === undefined ? index : itemKey(item);
    },
    [items, itemKey],
  );
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => estimateSize,
    gap,
    overscan: 8,
    scrollMargin: margin,
    getItemKey,
    initialMeasurementsCache: label === undefined ? undefined : lastSizes.get(label),
    // Without layout (a test's DOM) a row measures 0: keep the estimate rather than draw every row.
    measureElement: (element, entry, instance) => measureElement(element, entry, instance) || estimateSize,
  });
  useLayoutEffect(() => {
    if (label === undefined) return;
    return () => {
      // The heights measured, by row key: takeSnapshot would walk (and make an object for) every row of the list.
      const sizes: VirtualItem[] = [];
      for (const [key, size] of virtualizer.itemSizeCache)
        sizes.push({ key, size, index: 0, start: 0, end: size, lane: 0 });
      lastSizes.set(label, sizes);
    };
  }, [label, virtualizer]);
  const rows = virtualizer.getVirtualItems();
  const first = rows[0];
  const last = rows[rows.length - 1];
  let before = first ? first.start - margin : 0;
  let after = last ? virtualizer.getTotalSize() - (last.end - margin) : 0;
  // A focused row scrolled out of the window is kept, next to the rows shown and in list order, its height taken
  // from the space that stands in for the rows between: off screen, but there for the keyboard and screen reader.
  const keptIndex = focusedKey === undefined ? -1 : items.findIndex((item) => itemKey(item) === focusedKey);
  const kept =
    first && last && keptIndex >= 0 && (keptIndex < first.index || keptIndex > last.index)
      ? virtualizer.measurementsCache[keptIndex]
      : undefined;
  let shown = rows;
  if (kept && first && kept.index < first.index) {
    before -= kept.size + gap;
    shown = [kept, ...rows];
  } else if (kept) {
    after -= kept.size + gap;
    shown = [...rows, kept];
  }
  return (
    <ul
      ref={listRef}
      className={className}
      aria-label={label}
      style={{ paddingTop: Math.max(0, before), paddingBottom: Math.max(0, after) }}
      onFocus={(event) => {
        const index = event.target.closest('li[data-index]')?.getAttribute('data-index');
        const item = index == null ? undefined : items[Number(index)];
        setFocusedKey(item === undefined ? undefined : itemKey(item));
      }}
      onBlur={(event) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) {
          setFocusedKey(undefined);
        }
      }}
    >
      {shown.map((row) => {
        const item = items[row.index];
        if (item === undefined) return null;
        return renderItem(item, {
          ref: virtualizer.measureElement,
          'data-index': row.index,
          'aria-setsize': items.length,
          'aria-posinset': row.index + 1,
        });
      })}
    </ul>
  );
}
