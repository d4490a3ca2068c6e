import type { Issue } from './domain/result.js';

/** The catalogue of error codes; adapters map foreign errors onto these. */
export const ErrorCode = {
  Validation: 'validation',
  NotFound: 'not_found',
  Forbidden: 'forbidden',
  Duplicate: 'duplicate',
  StaleVersion: 'stale_version',
  Unavailable: 'unavailable',
  Internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error whose message is safe to show a user; the cause stays in the logs. */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly issues: readonly Issue[];

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; issues?: readonly Issue[] } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
  }

  /** A fault of ours: the person sees only that something went wrong; the detail goes to the log. */
  static internal(detail: string): AppError {
    return new AppError(ErrorCode.Internal, 'Something went wrong on our side.', {
      cause: new Error(detail),
    });
  }

  static validation(issues: readonly Issue[], summary = 'Some of what you entered needs changing'): AppError {
    return new AppError(ErrorCode.Validation, summary, { issues });
  }
}
