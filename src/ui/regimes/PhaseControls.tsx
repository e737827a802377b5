// The phase diagram's settings (setting, grid, seeds, rounds K, ε, the measure shown), run / cancel / CSV, and the
// training view's settings it uses; those the open lesson step holds fixed are disabled, "fixed in this step".
import { useEffect, useState } from 'react';

import { PHASE_METRICS, PHASE_SETTINGS, PHASE_TABLE, type PhaseSettingsT } from '../../core/regimes/regimes';
import { useRegimes } from '../../state/regimesStore';
import { useRun } from '../../state/store';
import { useRegimesClient } from '../context';
import { FixedNote, useFixed } from '../shared/Fixed';

const SETTING_NAMES: Record<string, string> = {
  lazy: 'lazy NTK: ReLU, layer 1',
  os: 'Oymak–Soltanolkotabi: GELU, layer 1',
  song: 'Song et al.: GELU, both, LeCun',
  current: 'the training view’s network',
};
const METRIC_NAMES: Record<string, string> = {
  success: 'fraction of seeds reaching ε',
  move: 'median largest neuron move',
  flip: 'median flipped signs',
  ntk: 'median NTK drift',
};

export function PhaseControls() {
  const client = useRegimesClient();
  const s = useRegimes((r) => r.settings);
  const running = useRegimes((r) => r.phaseStatus === 'running');
  const config = useRun((r) => r.config);
  // Lists and numbers are typed freely and applied (with corrections named) when the field is left or the grid runs.
  const [draft, setDraft] = useState<Record<string, string>>({});
  useEffect(() => setDraft({}), [s]);
  const h = (k: keyof PhaseSettingsT) => PHASE_TABLE[k].help;
  const fixed = {
    setting: useFixed('setting'),
    ns: useFixed('ns'),
    ms: useFixed('ms'),
    seeds: useFixed('seeds'),
    rounds: useFixed('rounds'),
    eps: useFixed('eps'),
    show: useFixed('show'),
  };
  const field = (k: 'ns' | 'ms' | 'seeds' | 'rounds' | 'eps', label: string) => (
    <div className="control" title={h(k)} data-control={k}>
      <label>
        {label}{' '}
        <input
          type="text"
          value={draft[k] ?? String(s[k])}
          disabled={running || fixed[k]}
          onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
          onBlur={() => draft[k] !== undefined && client.set({ [k]: draft[k] })}
        />
      </label>
      <FixedNote fixed={fixed[k]} />
    </div>
  );
  const run = () => {
    if (Object.keys(draft).length) client.set(draft);
    void client.startPhase();
  };
  return (
    <aside className="controls" aria-label="Phase diagram settings" data-panel="phase">
      <div className="control" title={h('setting')} data-control="setting">
        <label>
          setting{' '}
          <select
            value={s.setting}
            disabled={running || fixed.setting}
            onChange={(e) => client.set({ setting: e.target.value })}
          >
            {PHASE_SETTINGS.map((v) => (
              <option key={v} value={v}>
                {SETTING_NAMES[v]}
              </option>
            ))}
          </select>
        </label>
        <FixedNote fixed={fixed.setting} />
      </div>
      {field('ns', 'samples n')}
      {field('ms', 'widths m')}
      {field('seeds', 'seeds per cell')}
      {field('rounds', 'GD rounds K')}
      {field('eps', 'ε')}
      <p className="small">A run succeeds when ‖y − u_K‖² ≤ ε·‖y − u_0‖².</p>
      <div className="buttons">
        <button type="button" onClick={run} disabled={running}>
          Run phase diagram
        </button>
        <button type="button" onClick={() => client.cancelPhase()} disabled={!running}>
          Cancel
        </button>
      </div>
      <div className="control" title={h('show')} data-control="show">
        <label>
          heatmap shows{' '}
          <select value={s.show} disabled={fixed.show} onChange={(e) => client.set({ show: e.target.value })}>
            {PHASE_METRICS.map((v) => (
              <option key={v} value={v}>
                {METRIC_NAMES[v]}
              </option>
            ))}
          </select>
        </label>
        <FixedNote fixed={fixed.show} />
      </div>
      <p className="small">
        From the training view: d = {config.d}, data {config.data}, seed {config.seed}, κ = {config.kappa}
        {s.setting === 'song' || (s.setting === 'current' && config.init !== 'ntk')
          ? `, ω₂/ω₁ factor ${config.ratio}`
          : ''}
        {s.setting === 'current'
          ? `, ${config.act}, ${config.layers} layer${config.layers === 'both' ? 's' : ''}, ${config.init} init`
          : ''}
        . Change them there.
      </p>
    </aside>
  );
}
