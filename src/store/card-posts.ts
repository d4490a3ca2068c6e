import type { Collection, Db } from 'mongodb';
import { guard } from './driver-errors.js';
import { upsertById } from './upsert.js';
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
      await upsertById(this.col, postId(post.actionId, post.conversationId), post);
    });
  }

  find(actionId: string, conversationId: string): Promise<CardPost | null> {
    return guard('read the card posts', async () => {
      const doc = await this.col.findOne({ _id: postId(actionId, conversationId) });
      if (!doc) return null;
      const { _id, ...post } = doc;
      return post;
    });
  }

  listFor(actionId: string): Promise<CardPost[]> {
    return guard('read the card posts', async () =>
      (await this.col.find({ actionId }).toArray()).map(({ _id, ...post }) => post),
    );
  }
}

const postId = (actionId: string, conversationId: string) => `${actionId}|${conversationId}`;
