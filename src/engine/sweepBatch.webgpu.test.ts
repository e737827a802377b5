// A sweep batch on WebGPU (Dawn for Node on the SwiftShader adapter, as CI has it), where the batch always forms the
// copies: every cell's error curve against the same cell trained alone by the engine's trainer on the same backend.
import { beforeAll, describe, expect, it } from 'vitest';

import { selectNodeBackend } from '../cli/backend';
import { parseConfig } from '../core/masked/config';
import { batchProblems, trainBatch } from './sweepBatch';
import { Trainer } from './trainer';

beforeAll(async () => {
  process.env.VK_ICD_FILENAMES ??= '/usr/lib/chromium/vk_swiftshader_icd.json';
  await selectNodeBackend('webgpu');
});

describe('a sweep batch on WebGPU', () => {
  it('multi-sample dropout at τ = 1 and IST at τ = 1 and 2: each cell as if alone', async () => {
    for (const links of [
      ['scheme=msdropout&p=3&xi=0.3', 'scheme=msdropout&p=3&xi=0.8'],
      ['scheme=ist&p=3&tau=1', 'scheme=ist&p=3&tau=2'],
    ]) {
      const problems = batchProblems(links.map((l) => parseConfig(`n=12&d=5&m=40&seed=9&${l}`).config));
      const batch = await trainBatch(problems, 40);
      for (const [c, problem] of problems.entries()) {
        const trainer = new Trainer(problem, { ntkEvery: 0 });
        const alone = [...(await trainer.flush()), ...(await trainer.run(40, 20))].map((r) => r.err);
        trainer.dispose();
        expect(alone[40]).toBeLessThan(alone[0]);
        alone.forEach((e, k) => expect(Math.abs(batch[c][k] - e) / e, `${links[c]} round ${k}`).toBeLessThan(1e-5));
      }
    }
  });
});
