// Where the Node runner keeps what it must remember between runs. The core is stateless: the host
// stores the acknowledgements Amazon accepted (the core's `history` input), the proposals waiting
// for a person (`pendingApproval`), and which outbox entries were already folded into history.
//
// Store interface (a host may implement its own on a database):
//   load(): Promise<RunnerState>    the saved state, or a fresh one
//   save(state): Promise<void>      durably replace it
// RunnerState: { version: 1, history: OrderAcknowledgement[], appliedEntries: string[],
//                pendingApproval: { [purchaseOrderNumber]: PendingAcknowledgement }, lastRun?: object }
import fs from 'node:fs';
import path from 'node:path';

export function emptyState() {
  return { version: 1, history: [], appliedEntries: [], pendingApproval: {}, lastRun: null };
}

/** One JSON file, replaced atomically (write a temporary file, fsync, rename). */
export class FileStateStore {
  constructor(file) {
    this.file = path.resolve(file);
  }

  async load() {
    if (!fs.existsSync(this.file)) return emptyState();
    const state = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    return { ...emptyState(), ...state };
  }

  async save(state) {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, `${JSON.stringify(state, null, 2)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, this.file);
  }
}

export class MemoryStateStore {
  constructor(state = emptyState()) {
    this.state = state;
  }

  async load() {
    return structuredClone(this.state);
  }

  async save(state) {
    this.state = structuredClone(state);
  }
}
