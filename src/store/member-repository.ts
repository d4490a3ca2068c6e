import type { Db } from 'mongodb';
import { guard } from './driver-errors.js';
import { VersionedCollection } from './versioned-collection.js';
import type { MemberRepository } from '../app/ports.js';
import type { Member, MembershipScope } from '../domain/member.js';

export class MongoMemberRepository extends VersionedCollection<Member> implements MemberRepository {
  constructor(db: Db) {
    // Every turn asks who the sender is: all seats are kept in memory, loaded again after any change.
    super(db, 'members', { cache: { partOf: () => 'all' } });
  }

  async listByTown(town: MembershipScope): Promise<Member[]> {
    return (await this.all()).filter((m) => m.town === town);
  }

  async listByPerson(aadObjectId: string): Promise<Member[]> {
    return (await this.all()).filter((m) => m.aadObjectId === aadObjectId);
  }

  /** Every seat, by display name (as MongoDB sorts: code units, no collation). */
  private all(): Promise<Member[]> {
    return guard('read records', () =>
      this.cache!.read('all', async () =>
        (await this.findMany({})).sort((a, b) =>
          a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : 0,
        ),
      ),
    );
  }
}
