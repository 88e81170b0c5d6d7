// One run at a time per state directory: an exclusive lock, taken atomically and taken over
// atomically from a holder that died.
//
// The lock is a directory of numbered records (`<dir>/000000000001.json`, …). The highest
// number is the lock's state: `{"state":"held", pid, host, since, token, started}` or
// `{"state":"free"}`. A record is written whole (and fsynced) to a temporary file, then
// hard-linked under the next number; link() refuses an existing name, so of several processes
// racing for one number exactly one gets it, and nobody ever reads a half-written record (the
// old lock file was visible empty before its pid was in it, read as "pid 0, dead", and
// deleted). Records are never changed or reused:
//
//   acquire   read the highest record. Held by a live process → LockHeldError (pid, since).
//             Free, or held by a process that is gone → link my record under the next number.
//             Taking over from a dead holder is that same single link: as atomic as a fresh
//             acquisition, with no delete-then-create window. Then check that no higher
//             number exists (a process that read an old state and slept can only create a
//             number below the highest; it sees so and starts again). Lower records are garbage
//             and deleted.
//   release   link a `free` record under the next number.
//
// "Gone" is decided on this host only: the pid is not running, or runs a different process
// (its start time differs from the one recorded, so a reused pid does not keep the lock). A
// record from another host (a state directory on a network disk) is treated as held.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RECORD = /^(\d{12})\.json$/;
const MAX_ATTEMPTS = 100;

export class LockHeldError extends Error {
  /** @param {{pid:number, host:string, since:string}} holder  @param {string} dir */
  constructor(holder, dir) {
    const elsewhere = holder.host && holder.host !== os.hostname() ? ` on host ${holder.host}` : '';
    super(`another run holds the lock (pid ${holder.pid}${elsewhere}, since ${holder.since}): ${dir}`);
    this.name = 'LockHeldError';
    this.code = 'LOCK_HELD';
    this.holder = { pid: holder.pid, host: holder.host, since: holder.since };
    this.lockDir = dir;
  }
}

/** The start time of a process on this host (Linux /proc), or null when it cannot be read. */
function startTimeOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime), counted after the command name, which is in parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function processRuns(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Whether the holder a record names still runs (records from another host: assumed so). */
function holderAlive(record) {
  if (record.host !== os.hostname()) return true;
  if (!Number.isInteger(record.pid) || record.pid <= 0 || !processRuns(record.pid)) return false;
  const started = startTimeOf(record.pid);
  return !(record.started && started && started !== record.started);
}

export class DirectoryLock {
  #token = null;
  #number = 0;

  /** @param {string} dir  the lock directory (created when missing) */
  constructor(dir) {
    this.dir = path.resolve(dir);
  }

  get held() {
    return this.#token !== null;
  }

  /** Takes the lock or throws LockHeldError naming the holder. Idempotent for its holder. */
  acquire() {
    if (this.held) return;
    fs.mkdirSync(this.dir, { recursive: true });
    const token = crypto.randomUUID();
    const record = {
      state: 'held',
      pid: process.pid,
      host: os.hostname(),
      since: new Date().toISOString(),
      token,
      started: startTimeOf(process.pid),
    };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const top = this.#highest();
      if (top === undefined) continue; // the highest record vanished while being read: look again
      if (top && top.record.state === 'held' && holderAlive(top.record)) throw new LockHeldError(top.record, this.dir);
      const number = (top?.number ?? 0) + 1;
      if (!this.#link(number, record)) continue; // another process took this number first
      const now = this.#highest();
      if (now?.number !== number) continue; // a higher record exists: my view was old
      this.#token = token;
      this.#number = number;
      this.#collect(number);
      return;
    }
    throw new Error(`could not take the lock ${this.dir} after ${MAX_ATTEMPTS} attempts`);
  }

  /** Gives the lock up (a `free` record above mine). Nothing when not held. */
  release() {
    if (!this.held) return;
    const number = this.#number + 1;
    this.#token = null;
    if (this.#link(number, { state: 'free', since: new Date().toISOString() })) this.#collect(number);
  }

  /** The current holder `{pid, host, since}`, or null when the lock is free. */
  holder() {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const top = this.#highest();
      if (top === undefined) continue;
      if (top?.record.state !== 'held' || !holderAlive(top.record)) return null;
      const { pid, host, since } = top.record;
      return { pid, host, since };
    }
    return null;
  }

  /** {number, record} of the highest record, null when there is none, undefined when it vanished. */
  #highest() {
    let best = 0;
    for (const name of fs.readdirSync(this.dir)) {
      const m = RECORD.exec(name);
      if (m && Number(m[1]) > best) best = Number(m[1]);
    }
    if (best === 0) return null;
    try {
      return { number: best, record: JSON.parse(fs.readFileSync(this.#file(best), 'utf8')) };
    } catch (err) {
      if (err.code === 'ENOENT') return undefined;
      // Written whole before it was linked, so unreadable means damaged: a person must look.
      throw new Error(`unreadable lock record ${this.#file(best)} (${err.message}): remove ${this.dir} when no run is active`);
    }
  }

  #file(number) {
    return path.join(this.dir, `${String(number).padStart(12, '0')}.json`);
  }

  /** Writes `record` whole, then links it in as `number`; false when that number exists. */
  #link(number, record) {
    const tmp = path.join(this.dir, `.${process.pid}.${crypto.randomUUID()}.tmp`);
    const fd = fs.openSync(tmp, 'wx');
    try {
      fs.writeSync(fd, JSON.stringify(record));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      fs.linkSync(tmp, this.#file(number));
      return true;
    } catch (err) {
      if (err.code === 'EEXIST') return false;
      throw err;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }

  /** Deletes the records below `number` (never read again) and stray temporary files of dead processes. */
  #collect(number) {
    for (const name of fs.readdirSync(this.dir)) {
      const m = RECORD.exec(name);
      const strayTmp = /^\.(\d+)\..*\.tmp$/.exec(name);
      if ((m && Number(m[1]) < number) || (strayTmp && !processRuns(Number(strayTmp[1])))) {
        fs.rmSync(path.join(this.dir, name), { force: true });
      }
    }
  }
}
