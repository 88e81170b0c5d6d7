// A process that competes for the outbox lock on command, for the lock race tests
// (js/test/outbox-lock.test.mjs). One JSON command per stdin line, one JSON answer per stdout line:
//   {"cmd":"try","file":F,"at":T}  wait (spinning) until Date.now() ≥ T, then open the journal F
//                                  (which takes its lock) → {"held":true} or
//                                  {"held":false,"code","message","holder"}
//   {"cmd":"release"}              give it up (close the store) → {"released":true}
// Spinning to the same instant in every child makes the acquisitions truly simultaneous.
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { JsonlOutboxStore } from '../../node/outbox.mjs';

// `node --test test/` also loads this file; without the argument it does nothing.
if (parseArgs({ allowPositionals: true, strict: true }).positionals[0] !== 'serve') process.exit(0);
let store = null;
const answer = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);
for await (const line of readline.createInterface({ input: process.stdin })) {
  const command = JSON.parse(line);
  if (command.cmd === 'try') {
    store = new JsonlOutboxStore(command.file);
    while (Date.now() < command.at) {
      /* spin to the start instant */
    }
    try {
      await store.load(); // takes the lock, as every use of the store does
      answer({ held: true });
    } catch (err) {
      store = null;
      answer({ held: false, code: err.code, message: err.message, holder: err.holder });
    }
  } else if (command.cmd === 'release') {
    await store?.close();
    store = null;
    answer({ released: true });
  }
}
