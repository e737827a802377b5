/**
 * A lesson's words for the actions a task needs, as the student's device has them: `{Play}` / `{play}` become "Press
 * Play (or Space)" on a device with a keyboard and "Tap Play" on a touch screen, where there is no Space key.
 */
export function withActions(text: string, touch: boolean): string {
  return text
    .replaceAll('{Play}', touch ? 'Tap **Play**' : 'Press **Play** (or Space)')
    .replaceAll('{play}', touch ? 'tap **Play**' : 'press **Play** (or Space)');
}
