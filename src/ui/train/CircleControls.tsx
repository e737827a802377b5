/**
 * Circle data's own settings: the targets' frequencies (a list, corrected with a message like a link's) and the
 * spacing of the angles, with what the frequencies mean for the NTK.
 */
import { useId, useState } from 'react';

import { type Config, CONFIG_TABLE, parseOver, SPACINGS } from '../../core/masked/config';
import { frequencyNotes } from '../../core/masked/datasets';

export function CircleControls({ config, onChange }: { config: Config; onChange: (c: Config) => void }) {
  const id = useId();
  const [text, setText] = useState(config.freq);
  const [messages, setMessages] = useState<string[]>([]);
  const apply = () => {
    const res = parseOver(config, { freq: text });
    setMessages(res.messages);
    setText(res.config.freq);
    onChange(res.config);
  };
  return (
    <div className="control" title={CONFIG_TABLE.freq.help}>
      <label htmlFor={`${id}-f`}>frequencies f (y = mean of sin fφ)</label>
      <input
        id={`${id}-f`}
        type="text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === 'Enter' && apply()}
      />
      {messages.map((m) => (
        <span key={m} className="why small" role="status">
          {m}
        </span>
      ))}
      {frequencyNotes(config.freq.split(',').map(Number)).map((m) => (
        <span key={m} className="small">
          {m}
        </span>
      ))}
      <label>
        angles{' '}
        <select
          value={config.spacing}
          onChange={(e) => onChange({ ...config, spacing: e.target.value as Config['spacing'] })}
        >
          {SPACINGS.map((s) => (
            <option key={s} value={s}>
              {s === 'random' ? 'random (general position)' : 'equally spaced'}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
