/** Plain code-unit order, as MongoDB sorts strings without a collation. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Records by one field (then by id, so ties always come out alike), as `sort({field: direction})` would. */
export const byField =
  <R extends { id: string }>(field: keyof R, direction: 1 | -1 = 1) =>
  (a: R, b: R): number =>
    compareText(String(a[field]), String(b[field])) * direction || compareText(a.id, b.id);
