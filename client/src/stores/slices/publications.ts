import type { MediaId, ParticipantId, ProducerInfo } from '@plenary/shared';

/**
 * What the others offer to the room (their producers), keyed by producer id. What this tab
 * actually receives (consumers and their tracks) lives in `media/`, outside the store.
 */
export interface PublicationsSlice {
  producers: Readonly<Record<string, ProducerInfo>>;
}

export const initialPublications: PublicationsSlice = { producers: {} };

type Producers = PublicationsSlice['producers'];

export function withProducer(producers: Producers, producer: ProducerInfo): Producers {
  return { ...producers, [producer.producerId]: producer };
}

export function withoutProducer(producers: Producers, producerId: MediaId): Producers {
  if (!(producerId in producers)) return producers;
  const { [producerId]: _gone, ...rest } = producers;
  return rest;
}

export function withoutProducersOf(producers: Producers, participantId: ParticipantId): Producers {
  const kept = Object.values(producers).filter((producer) => producer.participantId !== participantId);
  if (kept.length === Object.keys(producers).length) return producers;
  return Object.fromEntries(kept.map((producer) => [producer.producerId, producer]));
}

export function withProducerPaused(producers: Producers, producerId: MediaId, paused: boolean): Producers {
  const producer = producers[producerId];
  if (!producer || producer.paused === paused) return producers;
  return { ...producers, [producerId]: { ...producer, paused } };
}
