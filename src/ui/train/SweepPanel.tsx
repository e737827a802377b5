// Sweeps: the paper's Figure 2 live — converged error over p × ξ, against m or against τ — the floor against the input
// noise ν with its fitted log–log slope, and the plateau against τ on full and split data; with progress, time left,
// cancel (finished cells stay), R_lazy overlay and CSV export.
import { useId } from 'react';

import { runLabel } from '../../core/masked/compare';
import type { Config } from '../../core/masked/config';
import { logSlope, SWEEP_KINDS, sweepBase, sweepCsv, type SweepKind, sweepRule } from '../../core/masked/sweep';
import { drawHeatmap } from '../../plots/sweepHeatmap';
import { drawSweepLine } from '../../plots/sweepLine';
import { useRun } from '../../state/store';
import { DEFAULT_SWEEP_ROUNDS, type SweepCell, useSweep } from '../../state/sweepStore';
import { useSweepClient } from '../context';
import { ChartBox } from '../shared/ChartBox';
import { download } from '../shared/download';
import { FailedJobs } from '../shared/FailedJobs';
import { secondsLeft } from '../shared/progress';

/** Cell notes shown at most (a large grid can clamp every cell). */
const MAX_NOTES = 6;

const KEY_NAMES: Record<string, string> = {
  p: 'subnetworks p',
  xi: 'mask probability ξ',
  m: 'width m',
  tau: 'local steps τ',
  nu: 'input noise ν',
  split: 'split data (0 = full)',
};

/** A cell by its swept values, in words: "p = 2, ξ = 0.5". */
const cellName = (c: SweepCell) =>
  Object.entries(c.at)
    .map(([k, v]) => `${k === 'xi' ? 'ξ' : k === 'tau' ? 'τ' : k === 'nu' ? 'ν' : k} = ${v}`)
    .join(', ');

/** A cell's R_lazy, or null where it has none (the prediction is withheld: input masks, split data). */
const radiusOf = (c: SweepCell) => (c.result && Number.isFinite(c.result.radius) ? c.result.radius : null);

/** What every cell of a sweep trains besides the swept settings, in words. */
function baseText(kind: SweepKind, config: Config, tau: number): string {
  if (kind === 'm') return runLabel(config);
  const base = sweepBase(kind, config, tau);
  if (kind === 'p-xi') return `Bernoulli masks (custom scheme) at τ = ${base.tau}`;
  if (kind === 'nu') return `${runLabel(base)} with Gaussian input masks`;
  const split = kind === 'split-tau' ? ', on full and on split data' : '';
  return `the custom scheme with ${base.mask} masks, ξ = ${+base.xi.toPrecision(3)}, p = ${base.p}${split}`;
}

function drawSweep(
  svg: SVGSVGElement,
  kind: SweepKind,
  cells: SweepCell[],
  showRadius: boolean,
  size: { width: number; height: number },
): void {
  const keys = SWEEP_KINDS[kind].keys;
  if (keys.length === 2) {
    const [rowKey, colKey] = keys;
    const uniq = (k: string) => [...new Set(cells.map((c) => c.at[k]))];
    drawHeatmap(
      svg,
      {
        rowLabel: KEY_NAMES[rowKey] ?? rowKey,
        colLabel: KEY_NAMES[colKey] ?? colKey,
        rows: uniq(rowKey),
        cols: uniq(colKey),
        showRadius,
        cells: cells.map((c) => ({
          row: c.at[rowKey],
          col: c.at[colKey],
          converged: c.result?.converged ?? null,
          settled: c.result?.settled ?? false,
          radius: radiusOf(c),
          failed: c.failed,
          falling: c.result?.reached === false ? { needs: c.result.needs ?? NaN, rounds: c.result.rounds } : undefined,
        })),
      },
      size,
    );
  } else {
    const points = cells.map((c) => ({
      value: Number(c.at[keys[0]]),
      converged: c.result?.converged ?? null,
      settled: c.result?.settled ?? false,
      radius: radiusOf(c),
    }));
    // The floor against ν: its fitted slope, and the slopes of the two readings of the paper (ν² and ν).
    const fit =
      kind === 'nu'
        ? logSlope(points.flatMap((p) => (p.converged === null ? [] : [{ value: p.value, converged: p.converged }])))
        : null;
    drawSweepLine(svg, { label: KEY_NAMES[keys[0]] ?? keys[0], showRadius, points, fit, guides: [1, 2] }, size);
  }
}

export function SweepPanel() {
  const sweeps = useSweepClient();
  const s = useSweep();
  const config = useRun((r) => r.config);
  const id = useId();
  const kind = SWEEP_KINDS[s.kind];
  const running = s.status === 'running';
  const rule = sweepRule(s.rounds);
  const finished = s.cells.filter((c) => c.result);
  const setKind = (k: SweepKind) => useSweep.setState({ kind: k, lists: [...SWEEP_KINDS[k].values] });
  const setList = (i: number, v: string) => useSweep.setState({ lists: s.lists.map((l, j) => (j === i ? v : l)) });
  const exportCsv = () => {
    const keys = SWEEP_KINDS[s.ranKind].keys;
    download(
      `subnet-lab-sweep-${s.ranKind}.csv`,
      sweepCsv(
        keys,
        finished.map((c) => ({ at: c.at, result: c.result! })),
      ),
      'text/csv',
    );
  };
  return (
    <details className="sweep-panel" data-panel="sweep">
      <summary>Sweeps — the paper’s Figure 2, live</summary>
      <div className="sweep-form">
        <span>
          <label htmlFor={`${id}-kind`}>sweep</label>{' '}
          <select
            id={`${id}-kind`}
            value={s.kind}
            disabled={running}
            onChange={(e) => setKind(e.target.value as SweepKind)}
          >
            {(Object.keys(SWEEP_KINDS) as SweepKind[]).map((k) => (
              <option key={k} value={k}>
                {SWEEP_KINDS[k].label}
              </option>
            ))}
          </select>
        </span>
        {kind.keys.map((k, i) => (
          <label key={k}>
            values of {KEY_NAMES[k]}{' '}
            <input
              type="text"
              value={s.lists[i] ?? ''}
              disabled={running}
              onChange={(e) => setList(i, e.target.value)}
            />
          </label>
        ))}
        {s.kind === 'p-xi' && (
          <label>
            τ for every cell{' '}
            <input
              type="number"
              min={1}
              max={100}
              value={s.tau}
              disabled={running}
              onChange={(e) => {
                const v = Math.floor(Number(e.target.value));
                if (Number.isFinite(v) && v >= 1 && v <= 100) useSweep.setState({ tau: v });
              }}
            />
          </label>
        )}
        <label title="Each cell trains until its own predicted plateau (its settle time, THEORY.md H.1), at most this many rounds">
          at most rounds per cell{' '}
          <input
            type="number"
            min={20}
            max={100000}
            value={s.rounds}
            disabled={running}
            onChange={(e) => {
              const v = Math.floor(Number(e.target.value));
              useSweep.setState({ rounds: Number.isFinite(v) && v >= 20 ? Math.min(v, 100000) : DEFAULT_SWEEP_ROUNDS });
            }}
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={s.showRadius}
            onChange={(e) => useSweep.setState({ showRadius: e.target.checked })}
          />{' '}
          overlay R_lazy
        </label>
      </div>
      <p className="small">
        Each cell is a fresh run — {baseText(s.kind, config, s.tau)}, with the current {s.kind === 'm' ? '' : 'm, '}n,
        d, κ, η, data and seed — trained until its own predicted mean curve has reached its neighbourhood (a quarter
        more than its settle time), at most {s.rounds} rounds: the heatmap shows plateaus. A cell still falling at the
        cap is hatched. Its <em>converged error</em> is the mean of ‖y − u_k‖² over its last tenth of rounds; the cell
        is <em>settled</em> when that mean is within {rule.tol * 100} % of the tenth before — unsettled cells carry a
        red corner (heatmap) or are hollow (line). The live run pauses while a sweep runs.
      </p>
      <div className="buttons">
        <button type="button" onClick={() => void sweeps.start()} disabled={running}>
          Run sweep
        </button>
        <button type="button" onClick={() => sweeps.cancel()} disabled={!running}>
          Cancel
        </button>
        <button type="button" onClick={exportCsv} disabled={!finished.length}>
          Sweep CSV
        </button>
      </div>
      {s.cells.length > 0 && (
        <div className="sweep-progress">
          <progress id={`${id}-progress`} max={s.cells.length} value={s.done} aria-label="Sweep progress" />
          <output htmlFor={`${id}-progress`} data-status={s.status}>
            {s.done} / {s.cells.length} cells{secondsLeft(s.status === 'running', s.elapsedMs, s.done, s.cells.length)}
            {s.status === 'cancelled' ? ' · cancelled' : s.status === 'done' ? ' · done' : ''}
          </output>
        </div>
      )}
      {finished.length > 0 && (
        <p className="small" data-testid="sweep-settled">
          {reachedText(finished)}
        </p>
      )}
      <FailedJobs
        failures={s.cells.flatMap((c) => (c.failed ? [`${cellName(c)} is left out: ${c.failed}.`] : []))}
        what="cells"
      />
      {s.message && (
        <p className="notice error" role="alert">
          {s.message}
        </p>
      )}
      {s.notes.length > 0 && (
        <ul className="notice info sweep-notes" aria-label="Changed in the sweep's cells">
          {s.notes.slice(0, MAX_NOTES).map((n) => (
            <li key={n}>{n}</li>
          ))}
          {s.notes.length > MAX_NOTES && <li>… and {s.notes.length - MAX_NOTES} more.</li>}
        </ul>
      )}
      {s.cells.length > 0 && (
        <ChartBox
          name="sweep"
          title={`Converged error ${SWEEP_KINDS[s.ranKind].label}`}
          help={`Each cell’s converged error${s.showRadius ? '; R_lazy overlaid (dashed, or under each value) where the prediction covers the cell' : ''}.${s.ranKind === 'nu' ? ' Against ν: the least-squares line of log(converged) on log ν with its 95 % interval, and lines of slope 1 (a floor ∝ ν) and 2 (∝ ν², the masks’ variance) through its middle.' : ''}`}
          height={SWEEP_KINDS[s.ranKind].keys.length === 2 ? 360 : 240}
          version={`${s.done}|${s.showRadius}|${s.cells.length}|${s.ranKind}`}
          draw={(svg, size) =>
            drawSweep(svg, s.ranKind, useSweep.getState().cells, useSweep.getState().showRadius, size)
          }
        />
      )}
    </details>
  );
}

/** How many finished cells reached their plateau, and what the others mean. */
function reachedText(finished: SweepCell[]): string {
  const reached = finished.filter((c) => c.result!.reached !== false);
  const settled = reached.filter((c) => c.result!.settled).length;
  const falling = finished.length - reached.length;
  return (
    `${reached.length} of ${finished.length} finished cells reached their plateau` +
    (reached.length ? ` (${settled} of them settled within 5 % from one window to the next)` : '') +
    '.' +
    (falling
      ? ` ${falling} ${falling === 1 ? 'is' : 'are'} still falling at the cap (hatched): their prediction needs more rounds — raise the cap to see their plateaus.`
      : '')
  );
}
