// The store contract against a real MongoDB-protocol server (FerretDB by default), over the wire.
import { storeContract } from '../contract/store-contract.js';
import { useTestDatabases } from '../support/test-database.js';
import { createMongoStores } from '../../src/store/mongo.js';

const databases = useTestDatabases();
storeContract('MongoDB', async () => createMongoStores(await databases.fresh()));
