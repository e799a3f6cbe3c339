import { describe, expect, it } from 'vitest';
import { pageQuerySchema, paginate } from '../../../shared/paging';

describe('paging', () => {
  it('defaults to page 1 of 50 and coerces query strings', () => {
    expect(pageQuerySchema.parse({})).toEqual({ page: 1, pageSize: 50 });
    expect(pageQuerySchema.parse({ page: '3', pageSize: '10' })).toEqual({ page: 3, pageSize: 10 });
  });

  it('rejects pages below 1 and sizes out of range', () => {
    expect(pageQuerySchema.safeParse({ page: '0' }).success).toBe(false);
    expect(pageQuerySchema.safeParse({ pageSize: '501' }).success).toBe(false);
    expect(pageQuerySchema.safeParse({ pageSize: 'ten' }).success).toBe(false);
  });

  it('cuts pages and counts them; an empty list is one empty page', () => {
    const items = Array.from({ length: 7 }, (_, i) => i);
    expect(paginate(items, { page: 2, pageSize: 3 })).toEqual({ page: 2, pageAmount: 3, total: 7, items: [3, 4, 5] });
    expect(paginate([], { page: 1, pageSize: 50 })).toEqual({ page: 1, pageAmount: 1, total: 0, items: [] });
  });
});
