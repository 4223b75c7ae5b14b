import type { ParticipantId } from '@plenary/shared';
import type { types } from 'mediasoup';

/**
 * Who is speaking in a room, from mediasoup's ActiveSpeakerObserver (dominant speaker detection on
 * the audio producers), so clients can emphasise that tile without measuring audio themselves.
 */
export class ActiveSpeaker {
  private constructor(private readonly observer: types.ActiveSpeakerObserver) {}

  static async watch(router: types.Router, onChange: (participantId: ParticipantId) => void): Promise<ActiveSpeaker> {
    const observer = await router.createActiveSpeakerObserver({ interval: 300 });
    observer.on('dominantspeaker', ({ producer }) => {
      const participantId = (producer.appData as { participantId?: ParticipantId }).participantId;
      if (participantId) onChange(participantId);
    });
    return new ActiveSpeaker(observer);
  }

  /** Audio producers only: the observer listens to their levels. */
  async add(producer: types.Producer): Promise<void> {
    if (producer.kind !== 'audio' || producer.closed) return;
    try {
      await this.observer.addProducer({ producerId: producer.id });
    } catch (error) {
      // The producer may close between the check and the call; nothing to watch then.
      if (!producer.closed) throw error;
    }
  }
}
