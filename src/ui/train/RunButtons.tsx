/**
 * Driving the run: Play / Pause, Step by 1, 10 or 100 rounds, Reset, New seed, and the pace — rounds per second and a
 * round to stop at (both in the link). The controls panel, presentation mode and the embed share it.
 */
import { useId } from 'react';

import { SPEEDS } from '../../core/pace';
import { usePace } from '../../state/pace';
import { useRun } from '../../state/store';
import { useClient } from '../context';
import { FixedNote, useFixed } from '../shared/Fixed';

const STEPS = [1, 10, 100] as const;

/** Play / Pause: what the button shows, whether it can be pressed, and its action. */
function usePlayToggle() {
  const client = useClient();
  const status = useRun((s) => s.status);
  const pending = useRun((s) => s.playPending);
  const fixed = useFixed('play');
  const on = status === 'running' || pending;
  // Play answers while the engine starts: the run plays once it is ready.
  const playable = ['ready', 'paused', 'running', 'starting'].includes(status) && !fixed;
  return { on, pending, playable, toggle: () => (on ? client.pause() : client.playSoon()) };
}

/** Play / Pause as one small button, for the lesson's bar on a phone (the run buttons are a scroll away there). */
export function PlayToggle() {
  const { on, pending, playable, toggle } = usePlayToggle();
  return (
    <button
      type="button"
      className="play-toggle"
      onClick={toggle}
      disabled={!playable}
      aria-busy={pending}
      aria-label={on ? 'Pause the run' : 'Play the run'}
      title={on ? 'Pause' : 'Play'}
    >
      <span aria-hidden>{on ? '❚❚' : '▶'}</span>
    </button>
  );
}

export function PlayButtons({ seed = true }: { seed?: boolean }) {
  const client = useClient();
  const status = useRun((s) => s.status);
  const config = useRun((s) => s.config);
  const fixed = useFixed('play');
  const seedFixed = useFixed('seed');
  const { on, pending, playable, toggle } = usePlayToggle();
  const can = ['ready', 'paused', 'running'].includes(status) && !fixed;
  return (
    <div className="buttons run-buttons" data-control="play">
      <button
        type="button"
        onClick={toggle}
        disabled={!playable}
        aria-busy={pending}
        title={pending ? 'Plays as soon as the engine has started' : undefined}
      >
        {on ? 'Pause' : 'Play'}
      </button>
      {STEPS.map((k) => (
        <button
          key={k}
          type="button"
          onClick={() => void client.step(k)}
          disabled={!can}
          title={k === 1 ? 'Run one global round (→)' : `Run ${k} rounds`}
          aria-label={k === 1 ? 'Step' : `Step ${k}`}
        >
          {k === 1 ? 'Step' : `+${k}`}
        </button>
      ))}
      <button
        type="button"
        onClick={() => void client.restart()}
        disabled={fixed}
        title="Start again from the same initialization (r)"
      >
        Reset
      </button>
      {seed && (
        <button
          type="button"
          disabled={seedFixed}
          onClick={() => void client.setConfig({ ...config, seed: (config.seed * 1103515245 + 12345) >>> 0 })}
          title="New data, initialization and masks"
        >
          New seed
        </button>
      )}
      <FixedNote fixed={fixed} />
    </div>
  );
}

export function PaceControls() {
  const id = useId();
  const { speed, until } = usePace();
  const fixed = useFixed('speed');
  return (
    <div className="pace" data-control="speed">
      <label htmlFor={`${id}-speed`}>speed</label>
      <select
        id={`${id}-speed`}
        value={String(speed)}
        disabled={fixed}
        onChange={(e) => usePace.setState({ speed: e.target.value === 'full' ? 'full' : Number(e.target.value) })}
        title="Rounds per second: slow enough to watch the fall to the plateau, or as fast as the device trains"
      >
        {SPEEDS.map((v) => (
          <option key={v} value={v}>
            {v} round{v === 1 ? '' : 's'}/s
          </option>
        ))}
        {typeof speed === 'number' && !(SPEEDS as readonly number[]).includes(speed) && (
          <option value={speed}>{speed} rounds/s</option>
        )}
        <option value="full">full speed</option>
      </select>
      <label htmlFor={`${id}-until`}>run to round</label>
      <input
        id={`${id}-until`}
        type="number"
        min={1}
        placeholder="none"
        value={until === 'none' ? '' : until}
        onChange={(e) => {
          const v = Math.floor(Number(e.target.value));
          usePace.setState({ until: e.target.value === '' || !(v >= 1) ? 'none' : v });
        }}
        title="Play pauses when the run reaches this round; empty: it keeps going"
      />
      <FixedNote fixed={fixed} />
    </div>
  );
}
