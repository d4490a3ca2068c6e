// The seed fund -> card data: totals, each town's allocated and spent, and the allocations.
import { formatPounds } from '../domain/seed-fund.js';
import { townBySlug } from '../domain/towns.js';
import type { FundView } from '../domain/seed-fund.js';
import type { CardData } from './card-data.js';

const SHOWN = 20;

export function fundCard(view: FundView, options: { canManage: boolean; notice?: string }): CardData<'fund'> {
  const { fund, totals } = view;
  return {
    notice: options.notice ?? '',
    totals: [
      { title: 'Fund', value: formatPounds(fund.totalPence) },
      { title: 'Allocated', value: formatPounds(totals.allocated) },
      { title: 'Spent', value: formatPounds(totals.spent) },
      { title: 'Remaining to allocate', value: formatPounds(totals.remaining) },
    ],
    towns: view.towns.map((t) => ({
      title: townBySlug(t.town).name,
      value: `${formatPounds(t.allocated)} / ${formatPounds(t.spent)}`,
    })),
    allocations: fund.allocations
      .slice(-SHOWN)
      .reverse()
      .map((a, i) => ({
        allocationId: a.id,
        inputId: `spent_${i}`,
        allocated: formatPounds(a.amountPence),
        line: `${townBySlug(a.town).name}: ${formatPounds(a.amountPence)} to ${a.label} (${a.purpose}); spent ${formatPounds(a.spentPence)}. By ${a.by.displayName}, ${a.at.slice(0, 10)}`,
      })),
    canManage: options.canManage,
  };
}
