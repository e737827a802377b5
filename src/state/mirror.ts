/**
 * Writes the open view and its settings into the address bar (replacing the entry: the link is always current); in a
 * lesson, also the lesson and step, and for a lesson that is not built in the `#lesson=` fragment that carries it.
 */
import { linkQuery } from '../core/link';
import { useAltMin } from './altminStore';
import { useLesson } from './lessonStore';
import { usePace } from './pace';
import { useRegimes } from './regimesStore';
import { useRun } from './store';
import { useView } from './view';

export function mirrorLink(): void {
  const { config, compare, forcedBackend } = useRun.getState();
  const { view, presenting, embed } = useView.getState();
  const { lesson, step, custom } = useLesson.getState();
  const inLesson = lesson ? `&lesson=${lesson.id}&step=${step + 1}` : '';
  const fragment = lesson && custom?.fragment ? `#lesson=${custom.fragment}` : '';
  history.replaceState(
    null,
    '',
    linkQuery({
      view,
      config,
      compare,
      altmin: useAltMin.getState().config,
      phase: useRegimes.getState().settings,
      backend: forcedBackend,
      presenting,
      pace: usePace.getState(),
      embed,
    }) +
      inLesson +
      fragment,
  );
}
