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
