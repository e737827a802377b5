// The AltMin view's settings: model, sizes, teacher norm, start, seed, iteration counts and GD's step; every change
// re-runs both methods. Those the open lesson step holds fixed are disabled, "fixed in this step".
import { ALTMIN_MODELS, ALTMIN_STARTS, ALTMIN_TABLE, type AltMinConfig } from '../../core/altmin/config';
import { useAltMin } from '../../state/altminStore';
import { FIXED } from '../../state/fixed';
import { useAltMinClient } from '../context';
import { FixedNote, useFixed } from '../shared/Fixed';
import { Slider } from '../shared/Slider';

const h = (k: keyof AltMinConfig) => ALTMIN_TABLE[k].help;

export function AltMinControls() {
  const client = useAltMinClient();
  const c = useAltMin((s) => s.config);
  const eta = useAltMin((s) => s.traces?.gd.eta ?? null);
  const set = (patch: Partial<Record<keyof AltMinConfig, string | number>>) => client.set(patch);
  const fixed = { model: useFixed('model'), start: useFixed('start'), eta: useFixed('eta'), seed: useFixed('seed') };
  return (
    <aside className="controls" aria-label="AltMin settings">
      <fieldset className="presets" data-control="model" disabled={fixed.model}>
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
        <FixedNote fixed={fixed.model} />
      </fieldset>
      <Slider
        control="d"
        label="input dimension d"
        help={h('d')}
        value={c.d}
        min={2}
        max={64}
        onChange={(d) => set({ d })}
      />
      <Slider
        control="k"
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
      <Slider
        control="n"
        label="samples n"
        help={h('n')}
        value={c.n}
        min={10}
        max={20000}
        log
        onChange={(n) => set({ n })}
      />
      <Slider
        control="gamma"
        label="‖W*‖_F"
        help={h('gamma')}
        value={c.gamma}
        min={0.1}
        max={10}
        step={0.1}
        format={(v) => v.toFixed(1)}
        onChange={(gamma) => set({ gamma })}
      />
      <div className="control" title={h('start')} data-control="start">
        <label>
          start{' '}
          <select value={c.start} disabled={fixed.start} onChange={(e) => set({ start: e.target.value })}>
            {ALTMIN_STARTS.filter((s) => c.model === 'skip' || s !== 'identity').map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <FixedNote fixed={fixed.start} />
      </div>
      {c.start === 'near' && (
        <Slider
          control="delta0"
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
        control="iters"
        label="AltMin iterations"
        help={h('iters')}
        value={c.iters}
        min={1}
        max={60}
        onChange={(iters) => set({ iters })}
      />
      <Slider
        control="gdIters"
        label="GD iterations"
        help={h('gdIters')}
        value={c.gdIters}
        min={10}
        max={20000}
        log
        onChange={(gdIters) => set({ gdIters })}
      />
      <div className="control" title={h('eta')} data-control="eta">
        <label>
          <input
            type="checkbox"
            checked={c.eta === 'auto'}
            disabled={fixed.eta}
            onChange={(e) => set({ eta: e.target.checked ? 'auto' : (eta ?? 0.1) })}
          />{' '}
          GD step η by the paper’s rule
        </label>
        <FixedNote fixed={fixed.eta && c.eta === 'auto'} />
        {c.eta !== 'auto' && (
          <Slider
            label="η"
            help={h('eta')}
            value={c.eta}
            min={0.001}
            max={2}
            step={0.001}
            format={(v) => v.toPrecision(3)}
            disabledWhy={fixed.eta ? FIXED : null}
            onChange={(v) => set({ eta: v })}
          />
        )}
        {c.eta === 'auto' && eta !== null && <output className="small">η = {eta.toPrecision(3)}</output>}
      </div>
      <div className="control" title={h('seed')} data-control="seed">
        <label>
          seed{' '}
          <input
            type="number"
            min={0}
            max={4294967295}
            value={c.seed}
            disabled={fixed.seed}
            onChange={(e) => set({ seed: e.target.value })}
          />
        </label>
        <FixedNote fixed={fixed.seed} />
      </div>
    </aside>
  );
}
