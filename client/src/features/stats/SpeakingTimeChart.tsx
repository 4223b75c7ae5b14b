import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chartScale, type OrganisationTime, shareOf, spokenClock } from './speakingTime.ts';

const WIDTH = 400;
const LABEL_WIDTH = 146;
const VALUE_WIDTH = 78;
const ROW = 26;
const BAR = 14;
const AXIS = 18;
// Bold labels (who speaks now) must fit as well: about 7 units a character at this size.
const LABEL_CHARS = 19;

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Horizontal bars, one per organisation, on a minute axis. A picture for the eye; for a screen
 * reader, the picture's title and description say the same in words.
 */
export function SpeakingTimeChart({ rows }: { rows: readonly OrganisationTime[] }) {
  const { t } = useTranslation('stats');
  const titleId = useId();
  const descId = useId();
  const total = rows.reduce((sum, row) => sum + row.ms, 0);
  const scale = chartScale(rows[0]?.ms ?? 0);
  const barArea = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const x = (ms: number) => LABEL_WIDTH + (ms / scale.maxMs) * barArea;
  const height = AXIS + rows.length * ROW + 4;
  const spoken = (ms: number) => {
    const seconds = Math.round(ms / 1000);
    return t('duration', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
  };
  const heard = rows.filter((row) => row.ms > 0).length;
  const description = [
    t('summary', { total: spoken(total), heard, organisations: rows.length }),
    ...rows.map((row) =>
      t(row.speakingNow ? 'rowNow' : 'row', {
        organisation: row.organisation || t('noOrganisation'),
        duration: spoken(row.ms),
        share: shareOf(row.ms, total),
        turns: t('turns', { count: row.turns }),
      }),
    ),
  ].join(' ');
  return (
    <svg
      className="speaking-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={titleId}>{t('title')}</title>
      <desc id={descId}>{description}</desc>
      {scale.ticks.map((tick) => (
        <g key={tick} className="chart-tick">
          <line x1={x(tick)} x2={x(tick)} y1={AXIS - 4} y2={height} />
          <text x={x(tick)} y={AXIS - 7} textAnchor="middle">
            {spokenClock(tick)}
          </text>
        </g>
      ))}
      {rows.map((row, index) => {
        const y = AXIS + index * ROW;
        const name = row.organisation || t('noOrganisation');
        return (
          <g key={row.organisation} className={row.speakingNow ? 'chart-row speaking-now' : 'chart-row'}>
            <title>{name}</title>
            <text
              x={LABEL_WIDTH - 8}
              y={y + ROW / 2}
              textAnchor="end"
              dominantBaseline="central"
              className="chart-label"
            >
              {truncate(name, LABEL_CHARS)}
            </text>
            <rect
              x={LABEL_WIDTH}
              y={y + (ROW - BAR) / 2}
              width={Math.max(row.ms > 0 ? 2 : 0, x(row.ms) - LABEL_WIDTH)}
              height={BAR}
              rx={3}
              className="chart-bar"
            />
            <text x={x(row.ms) + 6} y={y + ROW / 2} dominantBaseline="central" className="chart-value">
              {row.ms > 0 ? `${spokenClock(row.ms)} · ${shareOf(row.ms, total)}%` : '0:00'}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
