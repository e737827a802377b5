/**
 * The Embed dialog: the iframe snippet for what is on screen — its size, the panels shown and the controls kept —
 * ready to paste into a course page. The snippet's link is this run's with `embed=1&panels=…&controls=…`.
 */
import { useRef, useState } from 'react';

import { type ControlName, CONTROLS } from '../core/embed';
import { type PanelName, PANELS } from '../core/panels';
import { useView } from '../state/view';
import { CopyButton } from './shared/CopyButton';
import { useModal } from './shared/useModal';

const TRAIN_PANELS = (Object.keys(PANELS) as PanelName[]).filter((p) => PANELS[p] === 'train');

function toggle<T>(list: T[], v: T): T[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

/** How the embed behaves on a slide: projector type (present=1), and playing whenever its slide is shown (autoplay=1). */
export interface SlideOptions {
  present: boolean;
  autoplay: boolean;
}

/** The snippet for the current address with the embed keys set. */
export function embedSnippet(
  href: string,
  panels: PanelName[],
  controls: ControlName[],
  w: number,
  h: number,
  slide: SlideOptions = { present: false, autoplay: false },
): string {
  const url = new URL(href);
  url.hash = url.hash.startsWith('#lesson=') ? url.hash : '';
  for (const k of ['embed', 'panels', 'controls', 'present', 'autoplay']) url.searchParams.delete(k);
  const extra = (slide.present ? '&present=1' : '') + (slide.autoplay ? '&autoplay=1' : '');
  const query = `${url.search ? `${url.search}&` : '?'}embed=1&panels=${panels.join(',')}&controls=${controls.join(',')}${extra}`;
  const src = `${url.origin}${url.pathname}${query}${url.hash}`.replace(/&/g, '&amp;');
  return `<iframe src="${src}" width="${w}" height="${h}" style="border:0" title="Subnet Lab" loading="lazy"></iframe>`;
}

export function EmbedDialog() {
  const open = useView((v) => v.embedDialog);
  const field = useRef<HTMLTextAreaElement>(null);
  const [panels, setPanels] = useState<PanelName[]>(['error']);
  const [controls, setControls] = useState<ControlName[]>(['play', 'p', 'tau']);
  const [size, setSize] = useState({ w: 960, h: 600 });
  const [slide, setSlide] = useState<SlideOptions>({ present: false, autoplay: false });
  const ref = useModal(open);
  const snippet = open
    ? embedSnippet(location.href, panels.length ? panels : ['error'], controls, size.w, size.h, slide)
    : '';
  return (
    <dialog
      ref={ref}
      className="share embed-dialog"
      aria-labelledby="embed-title"
      onClose={() => useView.setState({ embedDialog: false })}
    >
      <h2 id="embed-title">Embed in a course page</h2>
      <fieldset>
        <legend>Panels</legend>
        {TRAIN_PANELS.map((p) => (
          <label key={p}>
            <input type="checkbox" checked={panels.includes(p)} onChange={() => setPanels(toggle(panels, p))} /> {p}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Controls</legend>
        {CONTROLS.map((c) => (
          <label key={c}>
            <input type="checkbox" checked={controls.includes(c)} onChange={() => setControls(toggle(controls, c))} />{' '}
            {c}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Size</legend>
        <label>
          width{' '}
          <input
            type="number"
            min={320}
            max={3840}
            value={size.w}
            onChange={(e) => setSize({ ...size, w: Math.max(320, Number(e.target.value) || 960) })}
          />
        </label>{' '}
        <label>
          height{' '}
          <input
            type="number"
            min={240}
            max={2160}
            value={size.h}
            onChange={(e) => setSize({ ...size, h: Math.max(240, Number(e.target.value) || 600) })}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>For slides</legend>
        <label title="Projector type: every text at least 18 px, the charts filling the frame (present=1)">
          <input
            type="checkbox"
            checked={slide.present}
            onChange={(e) => setSlide({ ...slide, present: e.target.checked })}
          />{' '}
          large type for a projector
        </label>
        <label title="Plays whenever its slide is shown and pauses when it is left (autoplay=1); without it, it waits for Play">
          <input
            type="checkbox"
            checked={slide.autoplay}
            onChange={(e) => setSlide({ ...slide, autoplay: e.target.checked })}
          />{' '}
          play when shown
        </label>
      </fieldset>
      <textarea
        ref={field}
        readOnly
        rows={4}
        value={snippet}
        aria-label="iframe snippet"
        onFocus={(e) => e.target.select()}
      />
      <div className="buttons">
        <CopyButton label="Copy snippet" text={snippet} field={field} what="snippet" />
        <span className="spacer" />
        <button type="button" onClick={() => useView.setState({ embedDialog: false })}>
          Close
        </button>
      </div>
      <p className="small">
        The page can drive the app by postMessage: see the README, which also has a recipe for reveal.js decks (the
        deck's keys work after a click in the frame). An embed trains only while it can be seen. Share and Embed links
        reproduce the run exactly.
      </p>
    </dialog>
  );
}
