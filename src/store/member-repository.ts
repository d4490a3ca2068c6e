import type { Db } from 'mongodb';
import { VersionedCollection } from './versioned-collection.js';
import type { MemberRepository } from '../app/ports.js';
import type { Member, MembershipScope } from '../domain/member.js';

export class MongoMemberRepository extends VersionedCollection<Member> implements MemberRepository {
  constructor(db: Db) {
    super(db, 'members');
  }

  listByTown(town: MembershipScope): Promise<Member[]> {
    return this.findMany({ town }, { displayName: 1 });
  }

  listByPerson(aadObjectId: string): Promise<Member[]> {
    return this.findMany({ aadObjectId });
  }
}
