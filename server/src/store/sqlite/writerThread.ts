// The SQLite store's writer thread. better-sqlite3 is synchronous: a commit with synchronous=FULL
// waits for fsync, which on a busy disk has taken hundreds of milliseconds here. On the main thread
// that would freeze every workshop's traffic; here it delays only the writes waiting for it, and
// the writes that queue up meanwhile share the next commit.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, SqliteWrites, type WriteReply, type WriteRequest } from './writes.ts';

export type ToWriter = { type: 'write'; request: WriteRequest } | { type: 'close' };
export type FromWriter = { type: 'ready' } | { type: 'replies'; replies: WriteReply[] } | { type: 'closed' };

const port = parentPort;
if (!port) throw new Error('writerThread runs as a worker thread');
const { file } = workerData as { file: string };
const db = openDatabase(file);
const writes = new SqliteWrites(db);
let queued: WriteRequest[] = [];
let flushing = false;

const send = (message: FromWriter) => port.postMessage(message);

function flush(): void {
  flushing = false;
  const batch = queued;
  queued = [];
  if (batch.length > 0) send({ type: 'replies', replies: writes.commit(batch) });
}

port.on('message', (message: ToWriter) => {
  if (message.type === 'close') {
    flush();
    db.close();
    send({ type: 'closed' });
    port.close();
    return;
  }
  queued.push(message.request);
  // Messages that arrived together are delivered in one go: commit them after the last of them.
  if (!flushing) {
    flushing = true;
    setImmediate(flush);
  }
});

send({ type: 'ready' });
