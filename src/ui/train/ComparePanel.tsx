// Compare: presets that open a comparison, and each compared run's own scheme, ξ, p and τ (the problem is shared).
import { useId } from 'react';

import { applyComparePreset, COMPARE_PRESETS, MAX_RUNS, runLabel } from '../../core/masked/compare';
import { applyPreset, type Config, parseOver, PRESETS, type Scheme, SCHEMES } from '../../core/masked/config';
import { useRun } from '../../state/store';
import { useClient } from '../context';

const XI_CHOICES = [0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1];
const P_CHOICES = Array.from({ length: 16 }, (_, i) => i + 1);
const TAU_CHOICES = [1, 2, 3, 4, 5, 6, 8, 10, 16, 20, 32, 50];

/** The choices with the current value among them (a link may hold any value in range). */
function withCurrent(choices: number[], v: number): number[] {
  return choices.includes(v) ? choices : [...choices, v].sort((a, b) => a - b);
}

interface ChoiceProps {
  label: string;
  /** Which run, for screen readers. */
  run: number;
  value: number;
  choices: number[];
  disabled: boolean;
  onChange: (v: number) => void;
}

function Choice({ label, run, value, choices, disabled, onChange }: ChoiceProps) {
  const id = useId();
  return (
    <span className="choice">
      <label htmlFor={id}>
        <span className="sr-only">run {run} </span>
        {label}
      </label>{' '}
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(Number(e.target.value))}>
        {withCurrent(choices, value).map((v) => (
          <option key={v} value={v}>
            {+v.toPrecision(3)}
          </option>
        ))}
      </select>
    </span>
  );
}

function RunRow({
  run,
  index,
  onChange,
  onRemove,
}: {
  run: Config;
  index: number;
  onChange: (c: Config) => void;
  onRemove: () => void;
}) {
  const fixed = PRESETS[run.scheme].fixed;
  const set = (key: 'xi' | 'p' | 'tau', v: number) => onChange(parseOver(run, { [key]: String(v) }).config);
  const id = useId();
  return (
    <li className="compare-run">
      <span className="choice">
        <span className={`swatch run-swatch-${index}`} aria-hidden="true" />
        <label htmlFor={id}>run {index + 1}</label>{' '}
        <select id={id} value={run.scheme} onChange={(e) => onChange(applyPreset(run, e.target.value as Scheme))}>
          {SCHEMES.map((s) => (
            <option key={s} value={s}>
              {PRESETS[s].label}
            </option>
          ))}
        </select>
      </span>
      <Choice
        label="ξ"
        run={index + 1}
        value={run.xi}
        choices={XI_CHOICES}
        disabled={'xi' in fixed || run.mask === 'categorical'}
        onChange={(v) => set('xi', v)}
      />
      <Choice
        label="p"
        run={index + 1}
        value={run.p}
        choices={P_CHOICES.filter((p) => p >= (PRESETS[run.scheme].pMin ?? 1))}
        disabled={'p' in fixed}
        onChange={(v) => set('p', v)}
      />
      <Choice
        label="τ"
        run={index + 1}
        value={run.tau}
        choices={TAU_CHOICES}
        disabled={'tau' in fixed}
        onChange={(v) => set('tau', v)}
      />
      <button type="button" onClick={onRemove} aria-label={`Remove run ${index + 1} (${runLabel(run)})`}>
        Remove
      </button>
    </li>
  );
}

export function ComparePanel() {
  const client = useClient();
  const config = useRun((s) => s.config);
  const compare = useRun((s) => s.compare);
  const replace = (i: number, c: Config) => void client.setCompare(compare.map((r, j) => (j === i ? c : r)));
  const add = () => {
    const used = new Set([config, ...compare].map((c) => c.scheme));
    const scheme = (['ist', 'dropout', 'msdropout', 'gd'] as const).find((s) => !used.has(s)) ?? 'custom';
    void client.setCompare([...compare, applyPreset(config, scheme)]);
  };
  return (
    <fieldset className="compare-panel" data-panel="compare">
      <legend>Compare</legend>
      <p className="small">
        Runs train in lockstep on the same data, initialization and seed; each has its own scheme.
      </p>
      <div className="buttons">
        {COMPARE_PRESETS.map((p) => (
          <button
            key={p.label}
            type="button"
            onClick={() => {
              const { main, runs } = applyComparePreset(config, p);
              void client.setCompare(runs, main);
            }}
          >
            {p.label}
          </button>
        ))}
      </div>
      {compare.length > 0 && (
        <ul className="compare-runs">
          <li className="compare-run">
            <span className="swatch run-swatch-0" aria-hidden="true" />
            run 1 (main): {runLabel(config)}
          </li>
          {compare.map((run, i) => (
            <RunRow
              key={i}
              run={run}
              index={i + 1}
              onChange={(c) => replace(i, c)}
              onRemove={() => void client.setCompare(compare.filter((_, j) => j !== i))}
            />
          ))}
        </ul>
      )}
      <div className="buttons">
        <button type="button" onClick={add} disabled={compare.length >= MAX_RUNS - 1}>
          Add a run
        </button>
        {compare.length > 0 && (
          <button type="button" onClick={() => void client.setCompare([])}>
            Stop comparing
          </button>
        )}
      </div>
    </fieldset>
  );
}
