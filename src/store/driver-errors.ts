import { MongoServerError } from 'mongodb';
import { AppError, ErrorCode } from '../errors.js';

export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === 11000;
}

/** Driver failures become AppError(unavailable): the user sees "try again", the log keeps the cause. */
export async function guard<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(ErrorCode.Unavailable, `The database could not ${what}; please try again shortly`, {
      cause: error,
    });
  }
}

/**
 * FerretDB on SQLite answers "database is locked" when writers collide in a way SQLite's busy wait cannot
 * resolve (a transaction that read first cannot take the write lock). The write did nothing; try again.
 */
export function isBusy(error: unknown): boolean {
  return error instanceof MongoServerError && /database is locked|SQLITE_BUSY/.test(error.message);
}

const BUSY_RETRIES = 5;

/** Runs a write that is safe to repeat, again (after 25, 50, 100, 200 ms, with jitter) while it meets a busy database. */
export async function retryBusy<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error) || attempt >= BUSY_RETRIES) throw error;
      await new Promise((r) => setTimeout(r, 25 * 2 ** (attempt - 1) * (0.5 + Math.random())));
    }
  }
}
