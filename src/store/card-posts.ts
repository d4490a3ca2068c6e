import type { Collection, Db } from 'mongodb';
import { guard, isDuplicateKey } from './driver-errors.js';
import type { CardPost, CardPosts } from '../app/ports.js';

type PostDoc = CardPost & { _id: string };

/** One document per action per conversation: the channel copy of the action's card. */
export class MongoCardPosts implements CardPosts {
  private readonly col: Collection<PostDoc>;

  constructor(db: Db) {
    this.col = db.collection<PostDoc>('card_posts');
  }

  save(post: CardPost): Promise<void> {
    return guard('remember the card', async () => {
      const _id = `${post.actionId}|${post.conversationId}`;
      try {
        await this.col.updateOne({ _id }, { $set: post }, { upsert: true });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        await this.col.updateOne({ _id }, { $set: post }); // a racing first save: update the winner's
      }
    });
  }

  listFor(actionId: string): Promise<CardPost[]> {
    return guard('read the card posts', async () =>
      (await this.col.find({ actionId }).toArray()).map(({ _id, ...post }) => post),
    );
  }
}
