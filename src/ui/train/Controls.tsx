// The controls: scheme presets, sliders for every setting, what the workers see (input masks, split data), play / pause /
// step / reset / new seed, compare, export; those the open lesson step holds fixed are disabled, "fixed in this step".
import {
  ACTIVATIONS,
  AGGREGATES,
  type Config,
  CONFIG_TABLE,
  DATASETS,
  enforceData,
  INITS,
  INPUT_MASKS,
  LAYERS,
  lockedWhy,
  MASKS,
} from '../../core/masked/config';
import { schemeOf } from '../../core/masked/summary';
import { etaStable } from '../../core/masked/theory';
import { FIXED } from '../../state/fixed';
import { useRun } from '../../state/store';
import { useClient } from '../context';
import { FixedNote, useFixed } from '../shared/Fixed';
import { Slider } from '../shared/Slider';
import { useTheory } from '../shared/useTheory';
import { CircleControls } from './CircleControls';
import { ComparePanel } from './ComparePanel';
import { ExportPanel } from './ExportPanel';
import { PaceControls, PlayButtons } from './RunButtons';
import { SchemePresets, SchemeSlider, SLIDER_KEYS } from './SchemeSliders';

export function Controls() {
  const client = useClient();
  const config = useRun((s) => s.config);
  const theory = useTheory();
  const scales = useRun((s) => s.scales);
  // Before the full spectrum of a large problem arrives, the step comes from λ_max alone.
  const eta = theory?.eta ?? (scales ? schemeOf(config, scales).eta : null);
  const limit = theory?.etaStable ?? (scales ? etaStable(scales, config.xi) : null);
  const set = (patch: Partial<Config>) => void client.setConfig({ ...config, ...patch });
  // A change that the configuration's rules may correct (circle data's d and frequencies) goes through them.
  const setChecked = (next: Config) => void client.setConfig(enforceData(next, new Set(), []));
  const h = (k: keyof Config) => CONFIG_TABLE[k].help;
  const fixed = {
    eta: useFixed('eta'),
    mask: useFixed('mask'),
    aggregate: useFixed('aggregate'),
    act: useFixed('act'),
    layers: useFixed('layers'),
    init: useFixed('init'),
    data: useFixed('data'),
    seed: useFixed('seed'),
    inputmask: useFixed('inputmask'),
    split: useFixed('split'),
  };
  return (
    <aside className="controls" aria-label="Settings" data-panel="controls">
      <SchemePresets />
      <PlayButtons />
      <PaceControls />
      {SLIDER_KEYS.map((k) => (
        <SchemeSlider key={k} name={k} />
      ))}
      <div className="control" title={h('eta')} data-control="eta">
        <label>
          <input
            type="checkbox"
            checked={config.eta === 'auto'}
            disabled={fixed.eta}
            onChange={(e) => set({ eta: e.target.checked ? 'auto' : (eta ?? 0.01) })}
          />{' '}
          step size η auto
        </label>
        <FixedNote fixed={fixed.eta && config.eta === 'auto'} />
        {config.eta !== 'auto' && (
          <Slider
            label="η"
            help={`${h('eta')} Stability limit now: ${limit !== null ? limit.toPrecision(3) : '…'}. A log scale: each step multiplies η by the same factor.`}
            value={config.eta}
            min={1e-4}
            max={Math.max(1, limit !== null ? 2 * limit : 1)}
            log
            logStep={0.05}
            whole={false}
            format={(v) => v.toPrecision(3)}
            disabledWhy={fixed.eta ? FIXED : null}
            onChange={(v) => set({ eta: v })}
          />
        )}
        {config.eta === 'auto' && eta !== null && <output className="small">η = {eta.toPrecision(3)}</output>}
      </div>
      <Slider
        control="kappa"
        label="init scale κ"
        help={h('kappa') + (config.init === 'ntk' ? '' : ' Used by the NTK initialization only.')}
        value={config.kappa}
        min={0.05}
        max={4}
        step={0.05}
        format={(v) => v.toFixed(2)}
        disabledWhy={lockedWhy(config, 'kappa')}
        onChange={(kappa) => set({ kappa })}
      />
      <Slider
        control="n"
        label="samples n"
        help={h('n')}
        value={config.n}
        min={2}
        max={Math.max(512, config.n)}
        log
        onChange={(n) => set({ n })}
      />
      <Slider
        control="d"
        label="input dimension d"
        help={h('d')}
        value={config.d}
        min={2}
        max={Math.max(256, config.d)}
        log
        disabledWhy={config.data === 'circle' ? 'Circle data live on the unit circle: d = 2.' : null}
        onChange={(d) => set({ d })}
      />
      <div className="control" title={h('mask')} data-control="mask">
        <label>
          {CONFIG_TABLE.mask.label}{' '}
          <select
            value={config.mask}
            disabled={lockedWhy(config, 'mask') !== null || fixed.mask}
            onChange={(e) =>
              set(e.target.value === 'categorical' ? { mask: 'categorical', xi: 1 / config.p } : { mask: 'bernoulli' })
            }
          >
            {MASKS.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        {lockedWhy(config, 'mask') && <span className="why small">{lockedWhy(config, 'mask')}</span>}
        <FixedNote fixed={fixed.mask} />
      </div>
      <div className="control" title={h('aggregate')} data-control="aggregate">
        <label>
          {CONFIG_TABLE.aggregate.label}{' '}
          <select
            value={config.aggregate}
            disabled={fixed.aggregate}
            onChange={(e) => set({ aggregate: e.target.value as Config['aggregate'] })}
          >
            {AGGREGATES.map((v) => (
              <option key={v} value={v}>
                {v === 'keep' ? 'keep (paper)' : 'zero (reference code)'}
              </option>
            ))}
          </select>
        </label>
        <FixedNote fixed={fixed.aggregate} />
        {config.aggregate === 'zero' && (
          <span className="small" data-testid="zero-rule">
            Zeroed, as the reference code does; as there (TensorFlow), ReLU’s derivative at 0 is 0, so a zeroed neuron
            never trains again.
          </span>
        )}
      </div>
      <fieldset className="network" data-testid="inputs-and-data">
        <legend>What the workers see</legend>
        <div className="control" title={h('inputmask')} data-control="inputmask">
          <label>
            {CONFIG_TABLE.inputmask.label}{' '}
            <select
              value={config.inputmask}
              disabled={fixed.inputmask}
              onChange={(e) => set({ inputmask: e.target.value as Config['inputmask'] })}
            >
              {INPUT_MASKS.map((v) => (
                <option key={v} value={v}>
                  {v === 'gauss' ? 'Gaussian, c ~ N(1, ν²)' : 'none'}
                </option>
              ))}
            </select>
          </label>
          <FixedNote fixed={fixed.inputmask} />
        </div>
        <Slider
          control="nu"
          label="input noise ν"
          help={h('nu')}
          value={config.nu}
          min={0}
          max={2}
          step={0.01}
          format={(v) => v.toFixed(2)}
          disabledWhy={lockedWhy(config, 'nu')}
          onChange={(nu) => set({ nu })}
        />
        <div className="control" title={h('split')} data-control="split">
          <label>
            <input
              type="checkbox"
              checked={config.split === 1}
              disabled={fixed.split}
              onChange={(e) => set({ split: e.target.checked ? 1 : 0 })}
            />{' '}
            each worker holds only its own samples
          </label>
          <FixedNote fixed={fixed.split} />
          {config.split === 1 && config.p === 1 && (
            <span className="small">With one worker its share is every sample: full data.</span>
          )}
        </div>
      </fieldset>
      <fieldset className="network">
        <legend>Network</legend>
        {(['act', 'layers', 'init'] as const).map((k) => (
          <div className="control" title={h(k)} key={k} data-control={k}>
            <label>
              {CONFIG_TABLE[k].label}{' '}
              <select value={config[k]} disabled={fixed[k]} onChange={(e) => set({ [k]: e.target.value })}>
                {(k === 'act' ? ACTIVATIONS : k === 'layers' ? LAYERS : INITS).map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
            <FixedNote fixed={fixed[k]} />
          </div>
        ))}
        <Slider
          control="ratio"
          label="ω₂/ω₁ factor"
          help={h('ratio') + (config.init === 'ntk' ? ' Used by the LeCun and He initializations only.' : '')}
          value={config.ratio}
          min={0.01}
          max={100}
          log
          logStep={0.1}
          whole={false}
          format={(v) => String(+v.toPrecision(2))}
          disabledWhy={lockedWhy(config, 'ratio')}
          onChange={(ratio) => set({ ratio })}
        />
      </fieldset>
      <div className="control" title={h('data')} data-control="data">
        <label>
          data{' '}
          <select
            value={config.data}
            disabled={fixed.data}
            onChange={(e) => setChecked({ ...config, data: e.target.value as Config['data'] })}
          >
            {DATASETS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <FixedNote fixed={fixed.data} />
      </div>
      {config.data === 'circle' && <CircleControls config={config} onChange={setChecked} />}
      <div className="control" title={h('seed')} data-control="seed">
        <label>
          seed{' '}
          <input
            type="number"
            min={0}
            max={4294967295}
            value={config.seed}
            disabled={fixed.seed}
            onChange={(e) => {
              const v = Math.floor(Number(e.target.value));
              if (Number.isFinite(v) && v >= 0 && v <= 4294967295) set({ seed: v });
            }}
          />
        </label>
        <FixedNote fixed={fixed.seed} />
      </div>
      <ComparePanel />
      <ExportPanel />
    </aside>
  );
}
