// What the fuzz sends malformed payloads to: every command (the workshop command once per type),
// each with its schema and a valid template to break.
import {
  CLIENT_COMMAND_TYPES,
  Command,
  type CommandName,
  commandSchemas,
  type MediaId,
  WorkshopCommandRequestSchema,
} from '@plenary/shared';
import type { z } from 'zod';
import { type Ids, inviteJoin, workshopTemplate } from './commands.ts';

export interface Target {
  /** for reports: the command, and the workshop command's type */
  name: string;
  event: CommandName;
  schema: z.ZodType;
  template: unknown;
  /** sent from a connection that has not joined (joining), or from a joined chair (everything else) */
  joined: boolean;
  /** for the workshop command: the other types, to swap the discriminant with */
  otherTypes: readonly string[];
}

const transportId = 'transport-1' as MediaId;
const producerId = 'producer-1' as MediaId;
const consumerId = 'consumer-1' as MediaId;
const bytes = () => Buffer.from([0, 1, 2, 3, 4, 5]);

export function fuzzTargets(ids: Ids, inviteToken: string): Target[] {
  // Partial on purpose: a command added elsewhere must not break the build (see below).
  const templates: { [C in CommandName]?: unknown } = {
    [Command.sessionJoin]: inviteJoin(inviteToken),
    [Command.sessionLeave]: {},
    [Command.workshopSnapshot]: {},
    [Command.workshopCreateInvites]: {},
    [Command.breakoutsPreviewCsv]: { setId: ids.setId, csv: 'name,room\nAna,North\n' },
    [Command.mediaCreateTransport]: { direction: 'send' },
    [Command.mediaConnectTransport]: {
      transportId,
      dtlsParameters: { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: 'AB:CD:EF' }] },
    },
    [Command.mediaRestartIce]: { transportId },
    [Command.mediaProduce]: {
      transportId,
      kind: 'audio',
      source: 'mic',
      rtpParameters: {
        mid: '0',
        codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48_000, channels: 2 }],
        encodings: [{ ssrc: 1111 }],
      },
    },
    [Command.mediaSetProducerPaused]: { producerId, paused: true },
    [Command.mediaCloseProducer]: { producerId },
    [Command.mediaConsume]: { producerId, rtpCapabilities: { codecs: [], headerExtensions: [] } },
    [Command.mediaResumeConsumer]: { consumerId },
    [Command.mediaSetConsumerPaused]: { consumerId, paused: true },
    [Command.mediaSetPreferredLayers]: { consumerId, spatialLayer: 1, temporalLayer: 0 },
    [Command.mediaModerate]: { participantId: ids.otherId, action: 'mute' },
    [Command.mediaSpeakToBreakouts]: { on: true },
    [Command.notesOpen]: { roomId: ids.plenaryRoomId, stateVector: bytes() },
    [Command.notesUpdate]: { roomId: ids.plenaryRoomId, update: bytes() },
    [Command.notesClose]: { roomId: ids.plenaryRoomId },
    [Command.notesAwareness]: { roomId: ids.plenaryRoomId, update: bytes() },
  };
  const targets: Target[] = [];
  for (const event of Object.values(Command)) {
    if (event === Command.workshopCommand) continue;
    targets.push({
      name: event,
      event,
      schema: commandSchemas[event],
      // A command added since this list was written is still fuzzed, from an empty object.
      template: event in templates ? templates[event] : {},
      joined: event !== Command.sessionJoin,
      otherTypes: [],
    });
  }
  for (const type of CLIENT_COMMAND_TYPES) {
    targets.push({
      name: `${Command.workshopCommand} ${type}`,
      event: Command.workshopCommand,
      schema: WorkshopCommandRequestSchema,
      template: workshopTemplate(type, ids),
      joined: true,
      otherTypes: CLIENT_COMMAND_TYPES.filter((other) => other !== type),
    });
  }
  return targets;
}
