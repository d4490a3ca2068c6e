import { GraphError } from '@microsoft/microsoft-graph-client';
import { AppError, ErrorCode } from '../errors.js';

/**
 * Graph failures as errors a person can act on. 403: a missing permission (which one is named by the
 * caller); 404: the user or event does not exist; 429/5xx after the retries and network failures: try later.
 */
export async function graphCall<T>(what: string, permission: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const status = error instanceof GraphError ? error.statusCode : 0;
    if (status === 403) {
      throw new AppError(
        ErrorCode.Forbidden,
        `Microsoft Graph refused to ${what}: the app needs the ${permission} application permission, with admin consent`,
        { cause: error },
      );
    }
    if (status === 404)
      throw new AppError(ErrorCode.NotFound, `Microsoft Graph could not ${what}: not found`, {
        cause: error,
      });
    if (status === 400)
      throw new AppError(
        ErrorCode.Validation,
        `Microsoft Graph could not ${what}: ${(error as Error).message}`,
        { cause: error },
      );
    throw new AppError(
      ErrorCode.Unavailable,
      `Microsoft Graph did not answer when asked to ${what}; it will be tried again later`,
      { cause: error },
    );
  }
}
