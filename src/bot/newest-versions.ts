// The newest version of each record handed to its channel copy lately. Two changes racing to publish can
// arrive out of order (the later save's card first); the older one is then not sent, so the copy in the
// channel never goes back. A minute is far longer than any such race; older entries are let go.
export class NewestVersions {
  private readonly seen = new Map<string, { version: number; at: number }>();

  constructor(private readonly keepMs = 60_000) {}

  /** False when a newer version of the record was handed over in the last minute; else remembers this one. */
  admit(id: string, version: number): boolean {
    const now = performance.now();
    const last = this.seen.get(id);
    if (last && now - last.at < this.keepMs && last.version > version) return false;
    this.seen.set(id, { version, at: now });
    if (this.seen.size > 1_024)
      for (const [key, entry] of this.seen) if (now - entry.at >= this.keepMs) this.seen.delete(key);
    return true;
  }
}
