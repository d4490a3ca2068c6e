/** Stored records carry a version; an update names the version it read (optimistic concurrency). */
export interface Versioned {
  id: string;
  version: number;
}

/** Who did something: a Teams user (Entra object id) or the system itself. */
export interface Actor {
  kind: 'user' | 'system';
  id: string;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'system', name: 'Safer Towns bot' };

/** A person as shown on records: their Entra object id and display name. */
export interface PersonRef {
  aadObjectId: string;
  displayName: string;
}
