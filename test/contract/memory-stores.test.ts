import { createMemoryStores } from '../fakes/memory-stores.js';
import { storeContract } from './store-contract.js';

storeContract('in-memory', async () => createMemoryStores());
