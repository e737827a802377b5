/**
 * The training view: controls, the live plots and sweeps, and the theory panel. In presentation mode: a compact bar
 * of controls (with the one the lesson step names), the error plot filling the screen (beside it the panel the step
 * talks about), the theory below. In an embed: the chosen controls and panels, sized to fit the frame.
 */
import { type ControlName, CONTROLS } from '../../core/embed';
import type { PanelName } from '../../core/panels';
import { useLesson } from '../../state/lessonStore';
import { useView } from '../../state/view';
import { useViewportHeight } from '../shared/useViewportHeight';
import { ControlBar } from './ControlBar';
import { Controls } from './Controls';
import { CHART_PANELS, Plots } from './Plots';
import { TheoryPanel } from './TheoryPanel';

/** What a lecturer keeps on screen in presentation mode. */
const PRESENT_CONTROLS: ControlName[] = ['play', 'xi', 'p', 'tau'];

export function TrainView() {
  const presenting = useView((v) => v.presenting);
  const embed = useView((v) => v.embed);
  const focus = useLesson((s) => s.lesson?.steps[s.step].focus ?? null);
  const stepControl = useLesson((s) => s.lesson?.steps[s.step].control ?? null);
  const vh = useViewportHeight();
  if (embed) {
    const charts = embed.panels.filter((p) => CHART_PANELS.includes(p) && p !== 'sweep');
    const reserve = (embed.controls.length ? 70 : 0) + 40;
    const each = Math.max(140, Math.floor((vh - reserve) / Math.max(1, charts.length)) - 34);
    const has = (...ps: PanelName[]) => ps.some((p) => embed.panels.includes(p));
    // For slides (embed with present=1): projector type, the charts side by side filling the frame.
    return (
      <main className="embed-layout">
        <ControlBar controls={embed.controls} />
        <Plots
          only={embed.panels}
          chartHeight={presenting ? 'fill' : each}
          className={presenting && charts.length > 1 ? 'side-by-side' : undefined}
        />
        {has('controls', 'compare') && <Controls />}
        {has('theory', 'guarantee') && <TheoryPanel />}
      </main>
    );
  }
  if (presenting) {
    const extra = focus && focus !== 'error' && CHART_PANELS.includes(focus) ? [focus] : [];
    // The control the lesson step names joins the bar.
    const named = CONTROLS.find((c) => c === stepControl && !PRESENT_CONTROLS.includes(c));
    return (
      <main className="present-layout">
        <ControlBar controls={named ? [...PRESENT_CONTROLS, named] : PRESENT_CONTROLS} />
        <Plots only={['error', ...extra]} chartHeight="fill" className={extra.length ? 'side-by-side' : undefined} />
        <TheoryPanel />
      </main>
    );
  }
  return (
    <main className="layout">
      <Controls />
      <Plots />
      <TheoryPanel />
    </main>
  );
}
