import { pathToFileURL } from 'node:url';
import { TestClient, type ClientOptions } from './client.js';

/** One server for the tests of a `describe`, started before them and shut down after. */
export function useServer(options: ClientOptions = {}): { readonly client: TestClient } {
  let client: TestClient | undefined;
  before(async () => {
    client = (await TestClient.start(options)).client;
  });
  after(async () => {
    await client?.stop();
  });
  return {
    get client(): TestClient {
      if (!client) throw new Error('the server is not started');
      return client;
    },
  };
}

let next = 0;

/** A fresh document URI per test, so that tests sharing a server never see each other's files. */
export function documentUri(name = 'batch.numbers.csv', folder = '/tmp/numbers-csv-language-server-tests'): string {
  next++;
  return pathToFileURL(`${folder}/${next}/${name}`).href;
}
