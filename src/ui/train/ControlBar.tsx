/** The few controls kept in presentation mode and in an embed, in one row: Play and Step, the pace, the scheme, sliders. */
import type { ControlName } from '../../core/embed';
import { PaceControls, PlayButtons } from './RunButtons';
import { SchemePresets, SchemeSlider, SLIDER_KEYS } from './SchemeSliders';

export function ControlBar({ controls }: { controls: readonly ControlName[] }) {
  if (!controls.length) return null;
  return (
    <div className="control-bar" data-testid="control-bar" role="group" aria-label="Controls">
      {controls.includes('play') && <PlayButtons seed={false} />}
      {controls.includes('speed') && <PaceControls />}
      {controls.includes('scheme') && <SchemePresets />}
      {SLIDER_KEYS.filter((k) => controls.includes(k)).map((k) => (
        <SchemeSlider key={k} name={k} />
      ))}
    </div>
  );
}
