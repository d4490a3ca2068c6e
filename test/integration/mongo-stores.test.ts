// The store contract against a real MongoDB-protocol server (FerretDB by default), over the wire: once with
// the queries the store makes on the server it finds, once with those it makes on MongoDB proper.
import { storeContract } from '../contract/store-contract.js';
import { useTestDatabases } from '../support/test-database.js';
import { createMongoStores } from '../../src/store/mongo.js';

const asFound = useTestDatabases();
storeContract('MongoDB', async () => createMongoStores(await asFound.fresh()));

const asMongoDb = useTestDatabases({ serverKind: 'mongodb' });
storeContract('MongoDB, with the queries for MongoDB proper', async () =>
  createMongoStores(await asMongoDb.fresh()),
);
