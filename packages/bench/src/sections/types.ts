import type { Browser } from '@playwright/test';
import type { Hotspot } from '../profile.ts';
import type { BenchEnv } from '../setup.ts';

/** One line of a result table: a figure for each UI (null: not measured). */
export type Row = { label: string; unit: string; ours: number | null; theirs: number | null };
/** A titled table plus the raw per-run figures. */
export type Section = {
	id: string;
	title: string;
	notes: string[];
	rows: Row[];
	runs: unknown;
	/** From one extra, profiled run of ours (not counted in the figures). */
	hotspots?: Hotspot[];
};

/** What every section runs with. */
export type Ctx = { env: BenchEnv; browser: Browser; runs: number; log: (text: string) => void };
