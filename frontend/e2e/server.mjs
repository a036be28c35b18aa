// The server under test: bin/carejourney (built by `make build`) with the
// demo data, on a free port, against a throwaway database.
//
// The database, like server/testdb chooses it: DATABASE_URL when set (used
// as is); else a fresh database created on TEST_DATABASE_URL's server or on
// the PostgreSQL at 127.0.0.1:5432 (as user postgres) when it answers, and
// dropped afterwards; else the binary's own embedded PostgreSQL in a
// temporary DATA_DIR (which runs PostgreSQL as user postgres when we are root).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function answers(host, port, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const s = new Socket();
    const done = (ok) => { s.destroy(); resolve(ok); };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('error', () => done(false));
    s.connect(port, host, () => done(true));
  });
}

function psql(url, sql) {
  const r = spawnSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql], { encoding: 'utf8', timeout: 30_000 });
  if (r.error) return { ok: false, message: r.error.message };
  return { ok: r.status === 0, message: (r.stderr || r.stdout || '').trim() };
}

/** A throwaway database on a running server, or null when there is none to use. */
async function throwawayDatabase() {
  // TESTDB_PROBE_ADDR moves the probe, as for server/testdb (to try the fallback).
  const probe = process.env.TESTDB_PROBE_ADDR || '127.0.0.1:5432';
  const [host, port] = [probe.slice(0, probe.lastIndexOf(':')), Number(probe.slice(probe.lastIndexOf(':') + 1))];
  const adminURL = process.env.TEST_DATABASE_URL
    || ((await answers(host, port)) ? `postgres://postgres@${probe}/postgres?sslmode=disable` : '');
  if (!adminURL) return null;
  const name = 'cj_e2e_' + randomBytes(6).toString('hex');
  const created = psql(adminURL, `CREATE DATABASE ${name}`);
  if (!created.ok) {
    console.log(`e2e: could not create a database on ${redact(adminURL)} (${created.message}); using the embedded PostgreSQL`);
    return null;
  }
  const u = new URL(adminURL);
  u.pathname = '/' + name;
  return {
    url: u.toString(),
    describe: `a throwaway database ${name} on ${redact(adminURL)}`,
    drop: () => {
      const r = psql(adminURL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      if (!r.ok) console.error(`e2e: could not drop ${name}: ${r.message}`);
    },
  };
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.host;
  } catch {
    return 'the database';
  }
}

/**
 * Starts the server and waits until /readyz answers. Returns { baseURL, stop }.
 * The server's output goes to `logFile`.
 */
export async function startServer({ root, logFile }) {
  const bin = join(root, 'bin', 'carejourney');
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run make build first`);

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    LISTEN_ADDR: `127.0.0.1:${port}`,
    PUBLIC_URL: baseURL,
    SEED_DEMO_ON_EMPTY: 'true',
    // The demo accounts have no second factor, as under make run.
    TOTP_REQUIRED_ROLES: 'none',
    // The tests click quickly and sign in often: room in the rate-limit bucket.
    // MAX_QUERY_COST stays at the production default unless E2E_MAX_QUERY_COST
    // says otherwise, so that a page asking too much fails here as it would live.
    RATE_LIMIT_POINTS: process.env.E2E_RATE_LIMIT_POINTS || '1000000',
    RATE_LIMIT_RESTORE_RATE: '100000',
    MAX_QUERY_COST: process.env.E2E_MAX_QUERY_COST || process.env.MAX_QUERY_COST || '1000',
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
  };
  delete env.DATA_DIR;

  let database = null;
  let dataDir = null;
  let describe;
  if (process.env.DATABASE_URL) {
    describe = 'DATABASE_URL';
  } else {
    database = await throwawayDatabase();
    if (database) {
      env.DATABASE_URL = database.url;
      describe = database.describe;
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'cj-e2e-'));
      chmodSync(dataDir, 0o755); // PostgreSQL runs as another user when we are root
      env.DATA_DIR = dataDir;
      describe = `the embedded PostgreSQL in ${dataDir}`;
    }
  }
  console.log(`e2e: server on ${baseURL} with ${describe}`);

  const log = createWriteStream(logFile);
  const child = spawn(bin, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = null;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => { exited = { code, signal }; resolve(); }));

  async function stop() {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exitPromise;
      clearTimeout(timer);
    }
    database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }

  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`the server exited (${exited.code ?? exited.signal}) before it was ready; see ${logFile}`);
    }
    try {
      const r = await fetch(baseURL + '/readyz');
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server was not ready within 180 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseURL, stop };
}
