import type { Readable } from 'node:stream';

/** Keeps the last lines a process printed, for error messages. */
export class LogBuffer {
	#lines: string[] = [];
	readonly #max: number;
	readonly #echo: boolean;

	/**
	 * @param max lines kept
	 * @param echo also copy every line to this process's stderr (debug mode)
	 */
	constructor(max = 300, echo = false) {
		this.#max = max;
		this.#echo = echo;
	}

	/** Collects the lines of `stream` until it ends. */
	follow(stream: Readable | null, prefix = ''): void {
		if (!stream) return;
		let partial = '';
		stream.setEncoding('utf8');
		stream.on('data', (text: string) => {
			const lines = (partial + text).split('\n');
			partial = lines.pop() ?? '';
			for (const line of lines) this.#push(prefix + line);
		});
		stream.on('end', () => partial && this.#push(prefix + partial));
	}

	/** Adds a line of the harness's own (start, stop, restart). */
	note(line: string): void {
		this.#push(`[harness] ${line}`);
	}

	/** The last `count` lines, joined. */
	tail(count = 40): string {
		return this.#lines.slice(-count).join('\n');
	}

	#push(line: string): void {
		if (this.#echo) process.stderr.write(`${line}\n`);
		this.#lines.push(line);
		if (this.#lines.length > this.#max) this.#lines.splice(0, this.#lines.length - this.#max);
	}
}
