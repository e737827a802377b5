// A table of named numbers, each with a short note (its status or what it is compared with): the theory panels' form.
import { Refs } from './Refs';

export function NumbersTable({ rows, testId }: { rows: [string, string, string][]; testId?: string }) {
  return (
    <table className="numbers" data-testid={testId}>
      <tbody>
        {rows.map(([k, v, note]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{v}</td>
            <td className="status-label">
              <Refs text={note} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
