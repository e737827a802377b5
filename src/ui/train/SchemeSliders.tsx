/**
 * The settings a lecturer moves in front of a class — the scheme, width m, mask probability ξ, subnetworks p and local
 * steps τ — as the controls panel, presentation mode's bar and the embed show them (one definition for all three).
 */
import {
  applyPreset,
  type Config,
  CONFIG_TABLE,
  lockedWhy,
  MAX_WIDTH,
  PRESETS,
  SCHEMES,
} from '../../core/masked/config';
import { largestWidth } from '../../core/masked/limits';
import { useRun } from '../../state/store';
import { useClient } from '../context';
import { FixedNote, useFixed } from '../shared/Fixed';
import { Slider } from '../shared/Slider';

export const SLIDER_KEYS = ['m', 'xi', 'p', 'tau'] as const;
export type SliderKey = (typeof SLIDER_KEYS)[number];

export function SchemePresets() {
  const client = useClient();
  const config = useRun((s) => s.config);
  const fixed = useFixed('scheme');
  return (
    <fieldset className="presets" data-control="scheme" disabled={fixed}>
      <legend title={CONFIG_TABLE.scheme.help}>Scheme</legend>
      {SCHEMES.map((s) => (
        <label key={s} className={config.scheme === s ? 'on' : ''}>
          <input
            type="radio"
            name="scheme"
            value={s}
            checked={config.scheme === s}
            onChange={() => void client.setConfig(applyPreset(config, s))}
          />
          {PRESETS[s].label}
        </label>
      ))}
      <FixedNote fixed={fixed} />
    </fieldset>
  );
}

export function SchemeSlider({ name }: { name: SliderKey }) {
  const client = useClient();
  const config = useRun((s) => s.config);
  const backend = useRun((s) => s.backend);
  const set = (patch: Partial<Config>) => void client.setConfig({ ...config, ...patch });
  const h = (k: keyof Config) => CONFIG_TABLE[k].help;
  if (name === 'm') {
    const maxM = backend ? Math.max(4, largestWidth(config, backend.limits, MAX_WIDTH)) : MAX_WIDTH;
    return (
      <Slider
        control="m"
        label="width m"
        help={`${h('m')} Largest that fits this device here: ${maxM}.`}
        value={config.m}
        min={4}
        max={maxM}
        log
        onChange={(m) => set({ m })}
      />
    );
  }
  if (name === 'xi')
    return (
      <Slider
        control="xi"
        label="mask probability ξ"
        help={h('xi')}
        value={config.xi}
        min={0.01}
        max={1}
        step={0.01}
        format={(v) => v.toFixed(2)}
        disabledWhy={lockedWhy(config, 'xi')}
        onChange={(xi) => set({ xi })}
      />
    );
  if (name === 'p')
    return (
      <Slider
        control="p"
        label="subnetworks p"
        help={h('p')}
        value={config.p}
        min={PRESETS[config.scheme].pMin ?? 1}
        max={16}
        disabledWhy={lockedWhy(config, 'p')}
        onChange={(p) => set(config.mask === 'categorical' ? { p, xi: 1 / p } : { p })}
      />
    );
  return (
    <Slider
      control="tau"
      label="local steps τ"
      help={h('tau')}
      value={config.tau}
      min={1}
      max={50}
      disabledWhy={lockedWhy(config, 'tau')}
      onChange={(tau) => set({ tau })}
    />
  );
}
