// Outcomes a user can cause are values, not exceptions.
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** One specific, user-readable problem with an input, tied to the field it concerns. */
export interface Issue {
  field: string;
  message: string;
}

export type Validated<T> = Result<T, Issue[]>;

export const issue = (field: string, message: string): Issue => ({ field, message });
