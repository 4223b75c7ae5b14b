// Builders for workshop-shaped test data: participants, views, join answers, changes. Tests only.
import {
  type ChatMessage,
  createWorkshop,
  type JoinResult,
  type Participant,
  type PeerInfo,
  type ProducerInfo,
  type Role,
  type RoomEntry,
  type RoomId,
  type Whereabouts,
  type WorkshopChange,
  type WorkshopId,
  type WorkshopView,
} from '@plenary/shared';
import { testFakeParameters } from 'mediasoup-client';
import { pid } from './fakes.ts';

export const WORKSHOP_ID = 'ws-1' as WorkshopId;
export const PLENARY = 'plenary' as RoomId;
export const rid = (id: string) => id as RoomId;

/** A JWT-shaped token whose payload reads as given (the signature is nonsense: only servers check it). */
export function fakeJwt(payload: Record<string, unknown>): string {
  const encode = (value: unknown) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  return `${encode({ alg: 'HS256' })}.${encode(payload)}.signature-that-is-long-enough`;
}

export const inviteToken = (role: Role, workshopId: string = WORKSHOP_ID) =>
  fakeJwt({ kind: 'invite', workshopId, role });

export const participantToken = (participantId: string, workshopId: string = WORKSHOP_ID) =>
  fakeJwt({ kind: 'participant', workshopId, participantId });

export function participant(id: string, over: Partial<Participant> = {}): Participant {
  return {
    id: pid(id),
    name: id,
    organisation: 'Secretariat',
    country: 'Fiji',
    role: 'delegate',
    language: 'en',
    timeZone: 'Pacific/Fiji',
    email: null,
    admitted: true,
    connected: true,
    registeredAt: 1,
    inRoomPeople: [],
    ...over,
  };
}

export function workshopView(people: Participant[] = [], over: Partial<WorkshopView> = {}): WorkshopView {
  const { attendance: _attendance, ...empty } = createWorkshop({
    id: WORKSHOP_ID,
    title: 'Regional training',
    timeZone: 'Pacific/Fiji',
    plenaryRoomId: PLENARY,
  });
  return {
    ...empty,
    revision: 10,
    participants: Object.fromEntries(people.map((person) => [person.id, person])),
    ...over,
  };
}

export const inPlenary: Whereabouts = { location: { kind: 'plenary', roomId: PLENARY }, visiting: null };
export const inLobby: Whereabouts = { location: { kind: 'lobby' }, visiting: null };

export function roomEntry(roomId: RoomId, peers: PeerInfo[] = [], producers: ProducerInfo[] = []): RoomEntry {
  return {
    roomId,
    peers,
    producers,
    routerRtpCapabilities: testFakeParameters.generateRouterRtpCapabilities(),
    activeSpeakerId: null,
    connections: {},
  };
}

export function joinResult(self: Participant, over: Partial<JoinResult> = {}): JoinResult {
  return {
    participantToken: participantToken(self.id),
    self,
    workshop: workshopView([self]),
    whereabouts: inPlenary,
    room: roomEntry(PLENARY),
    serverNow: Date.now(),
    ice: { servers: [], expiresAt: null },
    ...over,
  };
}

export const change = (
  revision: number,
  slices: WorkshopChange['slices'] = {},
  chat: ChatMessage[] = [],
  patches: WorkshopChange['patches'] = {},
): WorkshopChange => ({ revision, slices, patches, chat });

export function chatMessage(id: string, roomId: RoomId, text: string, over: Partial<ChatMessage> = {}): ChatMessage {
  return { id, channel: { kind: 'room', roomId }, authorId: pid('bob'), text, kind: 'message', sentAt: 1, ...over };
}
