// The AltMin view's settings: model, sizes, teacher norm, start, seed, iteration counts and GD's step; every change re-runs both methods.
import { ALTMIN_MODELS, ALTMIN_STARTS, ALTMIN_TABLE, type AltMinConfig } from '../../core/altmin/config';
import { useAltMin } from '../../state/altminStore';
import { useAltMinClient } from '../context';
import { Slider } from '../shared/Slider';

const h = (k: keyof AltMinConfig) => ALTMIN_TABLE[k].help;

export function AltMinControls() {
  const client = useAltMinClient();
  const c = useAltMin((s) => s.config);
  const eta = useAltMin((s) => s.traces?.gd.eta ?? null);
  const set = (patch: Partial<Record<keyof AltMinConfig, string | number>>) => client.set(patch);
  return (
    <aside className="controls" aria-label="AltMin settings">
      <fieldset className="presets">
        <legend title={h('model')}>Teacher network</legend>
        {ALTMIN_MODELS.map((m) => (
          <label key={m} className={c.model === m ? 'on' : ''}>
            <input
              type="radio"
              name="altmin-model"
              value={m}
              checked={c.model === m}
              onChange={() => set({ model: m, ...(m === 'general' ? { k: Math.min(c.k, 8) } : {}) })}
            />
            {m === 'skip' ? 'Skip: σ(X(W* + I))v*' : 'General: Σ v*σ(Xw*)'}
          </label>
        ))}
      </fieldset>
      <Slider label="input dimension d" help={h('d')} value={c.d} min={2} max={64} onChange={(d) => set({ d })} />
      <Slider
        label="neurons k"
        help={h('k') + (c.model === 'skip' ? ' Fixed to d by the skip model.' : '')}
        value={c.k}
        min={1}
        max={64}
        disabledWhy={
          c.model === 'skip' ? 'The skip-connection model has k = d neurons: choose the general model to set k.' : null
        }
        onChange={(k) => set({ k })}
      />
      <Slider label="samples n" help={h('n')} value={c.n} min={10} max={20000} log onChange={(n) => set({ n })} />
      <Slider
        label="‖W*‖_F"
        help={h('gamma')}
        value={c.gamma}
        min={0.1}
        max={10}
        step={0.1}
        format={(v) => v.toFixed(1)}
        onChange={(gamma) => set({ gamma })}
      />
      <div className="control" title={h('start')}>
        <label>
          start{' '}
          <select value={c.start} onChange={(e) => set({ start: e.target.value })}>
            {ALTMIN_STARTS.filter((s) => c.model === 'skip' || s !== 'identity').map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      {c.start === 'near' && (
        <Slider
          label="start distance δ_0"
          help={h('delta0')}
          value={c.delta0}
          min={0}
          max={2}
          step={0.05}
          format={(v) => v.toFixed(2)}
          onChange={(delta0) => set({ delta0 })}
        />
      )}
      <Slider
        label="AltMin iterations"
        help={h('iters')}
        value={c.iters}
        min={1}
        max={60}
        onChange={(iters) => set({ iters })}
      />
      <Slider
        label="GD iterations"
        help={h('gdIters')}
        value={c.gdIters}
        min={10}
        max={20000}
        log
        onChange={(gdIters) => set({ gdIters })}
      />
      <div className="control" title={h('eta')}>
        <label>
          <input
            type="checkbox"
            checked={c.eta === 'auto'}
            onChange={(e) => set({ eta: e.target.checked ? 'auto' : (eta ?? 0.1) })}
          />{' '}
          GD step η by the paper’s rule
        </label>
        {c.eta !== 'auto' && (
          <Slider
            label="η"
            help={h('eta')}
            value={c.eta}
            min={0.001}
            max={2}
            step={0.001}
            format={(v) => v.toPrecision(3)}
            onChange={(v) => set({ eta: v })}
          />
        )}
        {c.eta === 'auto' && eta !== null && <output className="small">η = {eta.toPrecision(3)}</output>}
      </div>
      <div className="control" title={h('seed')}>
        <label>
          seed{' '}
          <input
            type="number"
            min={0}
            max={4294967295}
            value={c.seed}
            onChange={(e) => set({ seed: e.target.value })}
          />
        </label>
      </div>
    </aside>
  );
}
