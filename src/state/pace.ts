/** The training view's pace (zustand): speed, the round to stop at, and how the error plot shows the run (core/pace.ts). */
import { create } from 'zustand';

import { defaultPace, type Pace } from '../core/pace';

export const usePace = create<Pace>(() => defaultPace());
