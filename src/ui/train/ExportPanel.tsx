// Export (metrics, a comparison's metrics, the run, the error plot) and import (a run file, or a user's CSV / JSON data).
import { useId, useState } from 'react';

import { runLabel } from '../../core/masked/compare';
import { parseUserData } from '../../core/masked/datasets';
import { comparisonToCsv, historyToCsv, historyToJson } from '../../core/masked/metrics';
import { parseRunFile } from '../../core/masked/runFile';
import { heldRounds } from '../../core/masked/thinning';
import { standaloneSvg, svgToPng } from '../../plots/exportSvg';
import { useRun } from '../../state/store';
import { useClient } from '../context';
import { download } from '../shared/download';

const NOT_IN_LINK = 'Loaded data and weights are not part of the link: share the run file (Run JSON) instead.';

function errorPlot(): SVGSVGElement | null {
  return document.querySelector<SVGSVGElement>('[data-chart="error"] svg');
}

export function ExportPanel() {
  const client = useClient();
  const [problem, setProblem] = useState<string | null>(null);
  const runId = useId();
  const dataId = useId();
  const comparing = useRun((s) => s.compare.length > 0);
  const comparisonCsv = () => {
    const { config, compare, history, compareHistories } = useRun.getState();
    return comparisonToCsv([config, ...compare].map(runLabel), [history, ...compareHistories]);
  };
  const stamp = () => `subnet-lab-${useRun.getState().config.scheme}-seed${useRun.getState().config.seed}`;
  const loadFile = async (file: File | undefined, kind: 'run' | 'data') => {
    if (!file) return;
    const text = await file.text();
    setProblem(null);
    if (kind === 'run') {
      const run = parseRunFile(text);
      if (!run.ok) return setProblem(run.error);
      await client.load(run.config, { data: run.data, init: run.init }, [...run.messages, NOT_IN_LINK]);
    } else {
      const res = parseUserData(text);
      if (!res.ok) return setProblem(res.error);
      const config = { ...useRun.getState().config, n: res.data.X.rows, d: res.data.X.cols };
      await client.load(config, { data: res.data }, [
        ...res.notes,
        `Training on ${file.name.slice(0, 60)}: n = ${config.n}, d = ${config.d}.`,
        NOT_IN_LINK,
      ]);
    }
  };
  useRun((s) => s.version);
  return (
    <details className="export">
      <summary>Export and import</summary>
      <p className="small" data-testid="held-rounds">
        The metrics hold {heldRounds(useRun.getState().history)}.
      </p>
      <div className="buttons">
        <button
          type="button"
          onClick={() => download(`${stamp()}-metrics.csv`, historyToCsv(useRun.getState().history), 'text/csv')}
        >
          Metrics CSV
        </button>
        <button
          type="button"
          onClick={() =>
            download(
              `${stamp()}-metrics.json`,
              historyToJson(useRun.getState().history, [], heldRounds(useRun.getState().history)),
              'application/json',
            )
          }
        >
          Metrics JSON
        </button>
        {comparing && (
          <button type="button" onClick={() => download(`${stamp()}-comparison.csv`, comparisonCsv(), 'text/csv')}>
            Comparison CSV
          </button>
        )}
        <button
          type="button"
          onClick={async () =>
            download(`${stamp()}-run.json`, JSON.stringify(await client.exportRun()), 'application/json')
          }
        >
          Run JSON
        </button>
        <button
          type="button"
          onClick={() => {
            const s = errorPlot();
            if (s) download(`${stamp()}-error.svg`, standaloneSvg(s), 'image/svg+xml');
          }}
        >
          Error plot SVG
        </button>
        <button
          type="button"
          onClick={async () => {
            const s = errorPlot();
            if (s)
              download(
                `${stamp()}-error.png`,
                await svgToPng(standaloneSvg(s), s.width.baseVal.value, s.height.baseVal.value),
              );
          }}
        >
          Error plot PNG
        </button>
      </div>
      <div className="control">
        <label htmlFor={runId}>Load a run file (config, data, initial weights)</label>
        <input
          id={runId}
          type="file"
          accept=".json,application/json"
          onChange={(e) => void loadFile(e.target.files?.[0], 'run')}
        />
      </div>
      <div className="control">
        <label htmlFor={dataId}>
          Train on your data (CSV with y last, or JSON {'{'} X, y {'}'})
        </label>
        <input
          id={dataId}
          type="file"
          accept=".csv,.json,text/csv,application/json"
          onChange={(e) => void loadFile(e.target.files?.[0], 'data')}
        />
      </div>
      {problem && (
        <p className="notice error" role="alert" data-testid="import-problem">
          {problem}
        </p>
      )}
    </details>
  );
}
