import type { types } from 'mediasoup';
import type { ProducerData } from './mediaPeer.ts';

interface PipePair {
  local: types.PipeTransport;
  remote: types.PipeTransport;
}

/** One pipe transport pair per (source router, target router), shared by every producer piped. */
const pairs = new WeakMap<types.Router, Map<types.Router, Promise<PipePair>>>();

/**
 * Makes a producer of one router available in another, as a new producer there (with its own id).
 * This is what `router.pipeToRouter` does, except that it keeps the producer's id, which mediasoup
 * 3.15 refuses when both routers live in the same worker.
 */
export async function pipeProducer(
  source: types.Router,
  target: types.Router,
  producer: types.Producer<ProducerData>,
  listenIp: string,
): Promise<types.Producer<ProducerData>> {
  const { local, remote } = await pairOf(source, target, listenIp);
  const pipeConsumer = await local.consume({ producerId: producer.id });
  const piped = await remote.produce<ProducerData>({
    kind: pipeConsumer.kind,
    rtpParameters: pipeConsumer.rtpParameters,
    paused: pipeConsumer.producerPaused,
    appData: { ...producer.appData },
  });
  // Pause, resume and close travel from the original to its copy.
  pipeConsumer.observer.on('pause', () => void piped.pause());
  pipeConsumer.observer.on('resume', () => void piped.resume());
  pipeConsumer.observer.once('close', () => piped.close());
  piped.observer.once('close', () => pipeConsumer.close());
  return piped;
}

function pairOf(source: types.Router, target: types.Router, listenIp: string): Promise<PipePair> {
  let byTarget = pairs.get(source);
  if (!byTarget) {
    byTarget = new Map();
    pairs.set(source, byTarget);
  }
  let pair = byTarget.get(target);
  if (!pair) {
    pair = connectPair(source, target, listenIp);
    byTarget.set(target, pair);
    const forget = () => byTarget?.delete(target);
    source.observer.once('close', forget);
    target.observer.once('close', forget);
    pair.catch(forget);
  }
  return pair;
}

async function connectPair(source: types.Router, target: types.Router, listenIp: string): Promise<PipePair> {
  const listenInfo = { protocol: 'udp' as const, ip: listenIp };
  const local = await source.createPipeTransport({ listenInfo });
  const remote = await target.createPipeTransport({ listenInfo });
  try {
    await local.connect({ ip: remote.tuple.localAddress, port: remote.tuple.localPort });
    await remote.connect({ ip: local.tuple.localAddress, port: local.tuple.localPort });
  } catch (error) {
    local.close();
    remote.close();
    throw error;
  }
  // If either side goes, the other is useless.
  local.observer.once('close', () => remote.close());
  remote.observer.once('close', () => local.close());
  return { local, remote };
}
