// People in a cluster test: each connects through a load balancer to some node, follows what the
// workshop tells it, and comes back by itself when its node goes away (resumed by Socket.IO's
// connection state recovery when the node could store the session, else joining again with its
// participant token, as the browser client does).
import {
  type Binary,
  Command,
  Fact,
  type ParticipantId,
  type RoomChanged,
  type RoomId,
  type WorkshopSnapshot,
} from '@plenary/shared';
import * as Y from 'yjs';
import { connectTo, joinWithInvite, profile, rejoin, request, type TestClient } from '../harness.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Member {
  name: string;
  client: TestClient;
  participantId: ParticipantId;
  token: string;
  /** the newest workshop revision this client has (from changes, joins and snapshots) */
  revision: number;
  /** every workshop revision told to this client, in arrival order */
  revisions: number[];
  rooms: RoomChanged[];
  /** the texts of the chat messages changes brought this client */
  chats: string[];
  peersJoined: ParticipantId[];
  peersLeft: ParticipantId[];
  comebacks: Array<'recovered' | 'rejoined'>;
}

const bytes = (data: Binary) => (data instanceof Uint8Array ? data : new Uint8Array(data));

export async function arrive(url: string, invite: string, name: string, organisation = 'Secretariat'): Promise<Member> {
  const client = await connectTo(url);
  // Quick comebacks: the test waits for them.
  client.io.reconnectionDelay(100);
  client.io.reconnectionDelayMax(400);
  const member: Member = {
    name,
    client,
    participantId: '' as ParticipantId,
    token: '',
    revision: 0,
    revisions: [],
    rooms: [],
    chats: [],
    peersJoined: [],
    peersLeft: [],
    comebacks: [],
  };
  client.on(Fact.workshopChanged, (change) => {
    member.revisions.push(change.revision);
    member.revision = Math.max(member.revision, change.revision);
    member.chats.push(...change.chat.map((message) => message.text));
  });
  client.on(Fact.roomChanged, (changed) => member.rooms.push(changed));
  client.on(Fact.peerJoined, ({ peers }) => member.peersJoined.push(...peers.map((peer) => peer.participantId)));
  client.on(Fact.peerLeft, ({ participantIds }) => member.peersLeft.push(...participantIds));
  const joined = await joinWithInvite(client, invite, profile(name, organisation));
  member.participantId = joined.self.id;
  member.token = joined.participantToken;
  member.revision = joined.workshop.revision;
  client.on('connect', () => {
    if (client.recovered) {
      member.comebacks.push('recovered');
      return;
    }
    void rejoin(client, member.token).then((answer) => {
      member.revision = Math.max(member.revision, answer.workshop.revision);
      member.comebacks.push('rejoined');
    });
  });
  return member;
}

export async function snapshotOf(member: Member): Promise<WorkshopSnapshot> {
  const answer = await request(member.client, Command.workshopSnapshot, {});
  if (!answer.ok) throw new Error(`${member.name}: snapshot refused: ${answer.error.message}`);
  return answer.data;
}

/** A room's notes as a client keeps them: a Y.Doc synced over the socket. */
export interface NotesCopy {
  doc: Y.Doc;
  text(): string;
  /** types at the end; resolves once the server acknowledged the update */
  type(words: string): Promise<void>;
}

export async function openNotes(member: Member, roomId: RoomId): Promise<NotesCopy> {
  const doc = new Y.Doc();
  member.client.on(Fact.notesUpdated, (fact) => {
    if (fact.roomId === roomId) Y.applyUpdate(doc, bytes(fact.update), 'server');
  });
  const opened = await request(member.client, Command.notesOpen, { roomId, stateVector: Y.encodeStateVector(doc) });
  if (!opened.ok) throw new Error(`${member.name}: notes refused: ${opened.error.message}`);
  Y.applyUpdate(doc, bytes(opened.data.update), 'server');
  const text = doc.getText('notes');
  return {
    doc,
    text: () => text.toString(),
    type: async (words) => {
      let update: Uint8Array | null = null;
      doc.once('update', (change: Uint8Array) => {
        update = change;
      });
      text.insert(text.length, words);
      if (!update) throw new Error('typing made no update');
      const answer = await request(member.client, Command.notesUpdate, { roomId, update });
      if (!answer.ok) throw new Error(`${member.name}: notes update refused: ${answer.error.message}`);
    },
  };
}

/** What must survive a move to another node. */
export const standing = (snapshot: WorkshopSnapshot) => ({
  role: snapshot.self.role,
  whereabouts: snapshot.whereabouts,
  queue: snapshot.workshop.queue.entries.map((entry) => entry.participantId),
});

export const chatTexts = (snapshot: WorkshopSnapshot) =>
  Object.values(snapshot.workshop.chat)
    .flat()
    .map((message) => message.text);

/** Chats through `member` until `stop()`; resolves with the texts whose sending was acknowledged. */
export function chatter(member: Member, roomId: RoomId) {
  let sending = true;
  const acked: string[] = [];
  const done = (async () => {
    for (let index = 0; sending; index++) {
      const text = `${member.name} keeps talking ${index}`;
      const answer = await request(member.client, Command.workshopCommand, {
        type: 'chat.send',
        channel: { kind: 'room', roomId },
        text,
      }).catch(() => null);
      if (answer?.ok) acked.push(text);
      else await sleep(20);
    }
  })();
  return {
    stop: async () => {
      sending = false;
      await done;
      return acked;
    },
  };
}
