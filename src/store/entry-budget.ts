/** What the budget needs of a read model: how much it holds, and which part it would give up first. */
export interface BudgetedModel {
  size(): number;
  oldest(keep: string | null): { part: string; at: number } | null;
  evictOne(keep: string | null): boolean;
}

/** How long a part just checked is taken as current, for other instances' writes (never for this one's). */
export const DEFAULT_FRESH_MS = 250;

/** Entries an instance holds across its read models unless configured (READ_MODEL_ENTRIES). */
export const DEFAULT_ENTRY_BUDGET = 150_000;

/**
 * A ceiling on the entries held in memory by all of an instance's read models together: past it, the part
 * read longest ago (in any model) is dropped, never the one being read. With headlines of a few hundred
 * bytes, the default keeps the bot's memory flat from 100,000 actions to millions (docs/PERFORMANCE.md).
 */
export class EntryBudget {
  private readonly models: BudgetedModel[] = [];

  /**
   * `freshMs`: how long a part just checked is taken as current by the models sharing this budget (their
   * instance's own writes are always seen at once); see ReadModel.
   */
  constructor(
    readonly maxEntries = DEFAULT_ENTRY_BUDGET,
    readonly freshMs = DEFAULT_FRESH_MS,
  ) {}

  register(model: BudgetedModel): void {
    this.models.push(model);
  }

  held(): number {
    return this.models.reduce((sum, m) => sum + m.size(), 0);
  }

  /** Evicts until within the ceiling; `reading` (a model and its part) is kept. */
  enforce(reading: BudgetedModel, part: string): void {
    let held = this.held();
    while (held > this.maxEntries) {
      let victim: { model: BudgetedModel; at: number } | null = null;
      for (const model of this.models) {
        const oldest = model.oldest(model === reading ? part : null);
        if (oldest && (!victim || oldest.at < victim.at)) victim = { model, at: oldest.at };
      }
      if (!victim) return; // only the part being read is left: it may exceed the budget alone
      const before = victim.model.size();
      victim.model.evictOne(victim.model === reading ? part : null);
      held -= before - victim.model.size();
    }
  }
}
