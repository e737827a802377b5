// A labelled slider with its value and its meaning in plain words — on hover, and behind an ⓘ button that a tap opens
// (a tablet has no hover); when disabled, the reason is said beside it (a lesson step that holds it fixed says so).
// Optional log scale.
import { useId, useState } from 'react';

import { FIXED } from '../../state/fixed';
import { useFixed } from './Fixed';

interface Props {
  /** The setting's key (data-control): what a lesson step can name and highlight. */
  control?: string;
  label: string;
  help: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  log?: boolean;
  /** Log scale: the step in log₂ units (default 0.25) and whether values are whole numbers (default true). */
  logStep?: number;
  whole?: boolean;
  format?: (v: number) => string;
  /** Disabled, with the reason in words (shown beside the slider); null or undefined: enabled. */
  disabledWhy?: string | null;
  onChange: (v: number) => void;
}

export function Slider({
  control,
  label,
  help,
  value,
  min,
  max,
  step = 1,
  log = false,
  logStep = 0.25,
  whole = true,
  format = String,
  disabledWhy,
  onChange,
}: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const fixed = useFixed(control);
  const why = fixed ? FIXED : disabledWhy;
  const disabled = Boolean(why);
  const to = (v: number) => (log ? Math.log2(v) : v);
  const from = (v: number) => (!log ? v : whole ? Math.round(2 ** v) : +(2 ** v).toPrecision(3));
  return (
    <div className="control" title={help} data-control={control} data-log={log ? '1' : undefined}>
      <div className="control-head">
        <label htmlFor={id}>
          {label} <output>{format(value)}</output>
        </label>
        <button
          type="button"
          className="info"
          aria-expanded={open}
          aria-label="Explain this setting"
          title={`What ${label} does`}
          onClick={() => setOpen((o) => !o)}
        >
          i
        </button>
      </div>
      <input
        id={id}
        type="range"
        min={to(min)}
        max={to(max)}
        step={log ? logStep : step}
        value={to(Math.min(max, Math.max(min, value)))}
        disabled={disabled}
        aria-describedby={`${id}-help`}
        onChange={(e) => onChange(from(Number(e.target.value)))}
      />
      {why && <span className={fixed ? 'why small fixed-note' : 'why small'}>{why}</span>}
      <span id={`${id}-help`} className={open ? 'help-text small' : 'sr-only'}>
        {help}
      </span>
    </div>
  );
}
