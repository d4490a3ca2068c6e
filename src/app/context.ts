import type { Clock, IdGenerator, Stores } from './ports.js';
import type { CoachPolicy } from '../domain/smart-coach.js';

/** What every use case receives from the composition root. */
export interface AppContext {
  stores: Stores;
  clock: Clock;
  ids: IdGenerator;
  /**
   * seedFundGbp: the programme's seed fund in pounds (SEED_FUND_GBP; 50,000 when not given); evidenceHosts:
   * where progress notes may link to (SHAREPOINT_HOST and its OneDrive; none when not given).
   */
  settings: {
    timeZone: string;
    dueSoonDays: number;
    seedFundGbp?: number;
    evidenceHosts?: readonly string[];
    /** Where action links point (PUBLIC_BASE_URL): <base>/actions/TRU-014; none when not given. */
    actionLinkBase?: string;
    /** What the SMART coach expects (SMART_MAX_OPEN_ACTIONS, SMART_LEAD_DAYS); its defaults when not given. */
    coach?: CoachPolicy;
  };
}
