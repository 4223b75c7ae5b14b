import type { MediaId, ProducerInfo, WireObject } from '@plenary/shared';
import type { types } from 'mediasoup';
import { CommandError } from '../errors.ts';
import type { ProducerData } from './mediaPeer.ts';

/** mediasoup's parameter objects travel to clients as opaque JSON. */
export const asWire = (value: object): WireObject => value as WireObject;
export const mediaId = (id: string): MediaId => id as MediaId;

/** A producer as the people in its room are told of it. */
export function describe(producer: types.Producer<ProducerData>): ProducerInfo {
  return {
    producerId: mediaId(producer.id),
    participantId: producer.appData.participantId,
    kind: producer.kind,
    source: producer.appData.source,
    paused: producer.paused,
  };
}

/** mediasoup throws TypeError for parameters it can't use: that is the client's mistake, not ours. */
export async function mediaCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof TypeError) throw new CommandError('invalid_payload', error.message);
    throw error;
  }
}
