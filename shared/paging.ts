import { z } from 'zod';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** `?page=1&pageSize=50` as the management API takes it. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1, 'must be 1 or more').default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1, 'must be 1 or more')
    .max(MAX_PAGE_SIZE, `must be ${MAX_PAGE_SIZE} or less`)
    .default(DEFAULT_PAGE_SIZE),
});
export type PageQuery = z.output<typeof pageQuerySchema>;

/** A paged list answer: `{"page": 1, "pageAmount": <pages>, "items": [...]}`. */
export interface Page<T> {
  page: number;
  pageAmount: number;
  /** Total items across all pages: not in the contract, added for UIs that show counts. */
  total: number;
  items: T[];
}

/** Cuts one page out of an already ordered list. An empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], query: PageQuery): Page<T> {
  const pageAmount = Math.max(1, Math.ceil(items.length / query.pageSize));
  const start = (query.page - 1) * query.pageSize;
  return {
    page: query.page,
    pageAmount,
    total: items.length,
    items: items.slice(start, start + query.pageSize),
  };
}
