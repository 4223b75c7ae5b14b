import type { types } from 'mediasoup';

export interface MediaObjectCounts {
  workers: number;
  routers: number;
  transports: number;
  producers: number;
  consumers: number;
}

/**
 * Live counts of mediasoup objects under the workers it tracks, kept from mediasoup's observer
 * events so they reflect what the worker really holds: a leak shows up as a count that never falls.
 */
export class MediaObjectCounter {
  private readonly counts: MediaObjectCounts = { workers: 0, routers: 0, transports: 0, producers: 0, consumers: 0 };

  snapshot(): MediaObjectCounts {
    return { ...this.counts };
  }

  track(worker: types.Worker): void {
    this.hold('workers', worker.observer);
    worker.observer.on('newrouter', (router) => {
      this.hold('routers', router.observer);
      router.observer.on('newtransport', (transport) => {
        this.hold('transports', transport.observer);
        transport.observer.on('newproducer', (producer) => this.hold('producers', producer.observer));
        transport.observer.on('newconsumer', (consumer) => this.hold('consumers', consumer.observer));
      });
    });
  }

  private hold(kind: keyof MediaObjectCounts, observer: { once(event: 'close', listener: () => void): unknown }) {
    this.counts[kind] += 1;
    observer.once('close', () => {
      this.counts[kind] -= 1;
    });
  }
}
