// A labelled slider with its value and a plain-words tooltip; optional log scale.
import { useId } from 'react';

interface Props {
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
  disabled?: boolean;
  onChange: (v: number) => void;
}

export function Slider({
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
  disabled,
  onChange,
}: Props) {
  const id = useId();
  const to = (v: number) => (log ? Math.log2(v) : v);
  const from = (v: number) => (!log ? v : whole ? Math.round(2 ** v) : +(2 ** v).toPrecision(3));
  return (
    <div className="control" title={help}>
      <label htmlFor={id}>
        {label} <output>{format(value)}</output>
      </label>
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
      <span id={`${id}-help`} className="sr-only">
        {help}
      </span>
    </div>
  );
}
