import type { types } from 'mediasoup';
import type { ProducerData } from './mediaPeer.ts';

/**
 * A room's media as another node needs to see it: the seam between the media layer and whatever
 * links this node's rooms to other nodes (the mesh in ./mesh). The media layer knows nothing of
 * how nodes find each other.
 */
export interface LinkableRoom {
  /** the room's name on every node (`mediaRoomKey`: workshop and room) */
  readonly key: string;
  /** the router links attach to; a new one after the room was rebuilt (links are then re-made) */
  readonly linkRouter: types.Router;
  /**
   * Calls `onProducer` with each producer that started on this node (its people's, and guests from
   * this node's other rooms), as it is in `linkRouter`: those there now, and each one to come.
   * A producer may be reported twice. Returns a function that stops the reports.
   */
  watchLocalProducers(onProducer: (producer: types.Producer<ProducerData>) => void): () => void;
  /** A producer from another node, made on a transport of `linkRouter`, joins the room. */
  adoptRemote(producer: types.Producer<ProducerData>): Promise<void>;
}

/**
 * What a node tells its links as rooms fill and empty: the hook that makes "this node has people
 * in room R" known beyond the node. MediaRoom calls it; nothing else needs to.
 */
export interface RoomLinks {
  /** this node has people in the room now (called again after the room was rebuilt) */
  hosting(room: LinkableRoom): void;
  /** this node has no one in the room any more, or the room is being rebuilt */
  vacated(room: LinkableRoom): void;
}
