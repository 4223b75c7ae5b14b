import type { LinkQuality, ParticipantId } from '@plenary/shared';
import { useTranslation } from 'react-i18next';
import type { LinkFigures } from '../../media/linkStats.ts';
import { useAppStore } from '../../stores/appStore.ts';

/**
 * A tile's connection: "Not connected" when the person's media does not reach the server, else
 * their link's grade as bars, with the figures (ours) or who measured it (theirs) as its tooltip.
 */
export function LinkBadge({ participantId, name }: { participantId: ParticipantId; name: string }) {
  const { t } = useTranslation('connection');
  const isSelf = useAppStore((state) => state.selfId === participantId);
  const told = useAppStore((state) => state.connections[participantId]);
  const selfLink = useAppStore((state) => (isSelf ? state.selfLink : null));
  if (told?.state === 'notConnected') {
    return (
      <span className="tile-tag link-down" title={t('notConnectedHint', { name })}>
        {t('notConnected')}
      </span>
    );
  }
  const quality = isSelf ? selfLink?.quality : told?.quality;
  if (!quality) return null;
  const figures = isSelf && selfLink ? describeFigures(t, selfLink.figures) : t('measuredByThem');
  const path = isSelf && selfLink?.path ? `${t(`path.${selfLink.path}`)} · ` : '';
  const label = t('label', { quality: t(`quality.${quality}`), details: `${path}${figures}` });
  return (
    <span className="link-quality" data-quality={quality} role="img" aria-label={label} title={label}>
      <Bars quality={quality} />
    </span>
  );
}

type ConnectionT = ReturnType<typeof useTranslation<'connection'>>['t'];

function describeFigures(t: ConnectionT, { rttMs, lossPercent, outgoingKbps }: LinkFigures): string {
  const or = (value: number | null, unit: 'ms' | 'percent' | 'kbps') =>
    value === null ? t('unknown') : t(unit, { value });
  return t('figures', { rtt: or(rttMs, 'ms'), loss: or(lossPercent, 'percent'), upload: or(outgoingKbps, 'kbps') });
}

const LIT: Record<LinkQuality, number> = { good: 3, fair: 2, poor: 1 };

function Bars({ quality }: { quality: LinkQuality }) {
  return (
    <svg viewBox="0 0 12 12" width="14" height="14" aria-hidden="true" focusable="false">
      {[0, 1, 2].map((bar) => (
        <rect
          key={bar}
          x={bar * 4}
          y={8 - bar * 4}
          width="3"
          height={4 + bar * 4}
          rx="0.5"
          fill="currentColor"
          opacity={bar < LIT[quality] ? 1 : 0.3}
        />
      ))}
    </svg>
  );
}
