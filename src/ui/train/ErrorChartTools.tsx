/** Under the error plot: the round axis (linear or log) and how much of the run it shows (all, or the latest rounds). */
import { useId } from 'react';

import { usePace } from '../../state/pace';

const WINDOWS = [1000, 10000] as const;

export function ErrorChartTools() {
  const id = useId();
  const { xaxis, window: shown } = usePace();
  return (
    <div className="chart-tools">
      <span>
        <label htmlFor={`${id}-x`}>round axis </label>
        <select
          id={`${id}-x`}
          value={xaxis}
          onChange={(e) => usePace.setState({ xaxis: e.target.value === 'log' ? 'log' : 'linear' })}
          title="log: the early rounds keep their room however long the run"
        >
          <option value="linear">linear</option>
          <option value="log">log</option>
        </select>
      </span>
      <span>
        <label htmlFor={`${id}-w`}>show </label>
        <select
          id={`${id}-w`}
          value={String(shown)}
          onChange={(e) => usePace.setState({ window: e.target.value === 'all' ? 'all' : Number(e.target.value) })}
        >
          <option value="all">the whole run</option>
          {WINDOWS.map((w) => (
            <option key={w} value={w}>
              the latest {w.toLocaleString('en')} rounds
            </option>
          ))}
          {typeof shown === 'number' && !(WINDOWS as readonly number[]).includes(shown) && (
            <option value={shown}>the latest {shown} rounds</option>
          )}
        </select>
      </span>
    </div>
  );
}
