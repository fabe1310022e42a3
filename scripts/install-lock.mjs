// The editor tools' install lock: a file beside the tools folder holding its owner's pid, so
// concurrent runs wait for one another and a lock left by a killed run is taken over.
import { closeSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/** Whether a process with this pid runs (EPERM: it runs, as another user). */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function readLock(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the install lock (a file holding the owner's pid), waiting while another live process
 * holds it. A lock whose process is gone (Ctrl+C, a kill) or that is older than `staleAfterMs`
 * is taken over with a message; `signal` aborts the wait. Returns the function that releases it.
 */
export async function acquireLock(
  file,
  { say = () => {}, pollMs = 1000, staleAfterMs = 30 * 60_000, alive = isAlive, signal } = {},
) {
  const own = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  let waitingSince;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${JSON.stringify(own)}\n`);
      closeSync(fd);
      return () => {
        // Only remove the lock while it is still ours.
        if (readLock(file)?.pid === own.pid) {
          rmSync(file, { force: true });
        }
      };
    } catch (error) {
      if (error.code !== 'EEXIST') {
        throw error;
      }
    }
    const holder = readLock(file);
    const age = holder?.since ? Date.now() - Date.parse(holder.since) : 0;
    // A lock with unreadable content may be one being written right now: wait one poll first.
    const stale =
      holder === undefined
        ? waitingSince !== undefined && Date.now() - waitingSince > 5 * pollMs
        : (holder.host === own.host && !alive(holder.pid)) || age > staleAfterMs;
    if (stale) {
      say(
        holder
          ? `taking over a stale install lock (pid ${holder.pid} ${alive(holder.pid) ? `has held it for ${Math.round(age / 60_000)} min` : 'no longer runs'})`
          : 'taking over an unreadable install lock',
      );
      // Re-read just before removing, so a lock another waiter took meanwhile survives.
      if (JSON.stringify(readLock(file)) === JSON.stringify(holder)) {
        try {
          unlinkSync(file);
        } catch (error) {
          if (error.code !== 'ENOENT') {
            throw error;
          }
        }
      }
      continue;
    }
    if (waitingSince === undefined) {
      waitingSince = Date.now();
      say(`another install is running (pid ${holder?.pid ?? '?'}), waiting…`);
    }
    await sleep(pollMs);
    // Ctrl+C while waiting stops the wait; the other run's lock stays untouched.
    signal?.throwIfAborted();
  }
}
