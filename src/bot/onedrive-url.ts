// The addresses Teams hands the bot for files (a OneDrive upload session, a download link) are the only
// places the bot reads files from or writes reports to: https on SharePoint Online, or, in local mode,
// this machine. Anything else is refused, so a forged invoke cannot send partnership data elsewhere.
import { AppError, ErrorCode } from '../errors.js';

const ONEDRIVE_HOSTS = [/\.sharepoint\.com$/i, /\.sharepoint\.us$/i];
const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

/** The address, if it is one the bot may use; else the error to show (the messages say what it was for). */
export function requireOneDriveUrl(
  raw: string,
  localMode: boolean,
  messages: { invalid: string; refused: string },
  onRefused: (host: string) => void,
): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError(ErrorCode.Validation, messages.invalid);
  }
  const onedrive = url.protocol === 'https:' && ONEDRIVE_HOSTS.some((host) => host.test(url.hostname));
  if (!onedrive && !(localMode && LOOPBACK.includes(url.hostname))) {
    onRefused(url.hostname);
    throw new AppError(ErrorCode.Forbidden, messages.refused);
  }
  return url;
}

/** A file from the sender's OneDrive (or, in local mode, this machine), refused past `maxBytes`. */
export async function downloadFromOneDrive(
  raw: string,
  options: { localMode: boolean; maxBytes: number; tooLarge: string; onRefused: (host: string) => void },
): Promise<Buffer> {
  const url = requireOneDriveUrl(
    raw,
    options.localMode,
    {
      invalid: 'Teams gave a download address that is not valid: send the file again',
      refused: 'I only read files from your OneDrive, as Teams sends them',
    },
    options.onRefused,
  );
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) }).catch(() => null);
  if (!res?.ok)
    throw new AppError(ErrorCode.Unavailable, 'The file could not be fetched from OneDrive: send it again');
  if (Number(res.headers.get('content-length') ?? '0') > options.maxBytes)
    throw new AppError(ErrorCode.Validation, options.tooLarge);
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length > options.maxBytes) throw new AppError(ErrorCode.Validation, options.tooLarge);
  return bytes;
}
