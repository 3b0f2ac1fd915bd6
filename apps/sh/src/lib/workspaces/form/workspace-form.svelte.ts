import {
	randomPort,
	setupCommands,
	suggestName,
	type TunnelChoice
} from '$lib/workspaces/setup-commands.ts';
import {
	type ModelRef,
	validateWorkspaceInput,
	type Workspace,
	type WorkspaceFieldErrors,
	type WorkspaceInput
} from '$lib/workspaces/index.ts';

export type FormStep = 'credentials' | 'setup' | 'connect';
export const FORM_STEPS: ReadonlyArray<{ id: FormStep; label: string }> = [
	{ id: 'credentials', label: 'Credentials and port' },
	{ id: 'setup', label: 'Start the server' },
	{ id: 'connect', label: 'Connect' }
];

const STEP_FIELDS: Record<FormStep, Array<keyof WorkspaceInput>> = {
	credentials: ['username', 'password', 'port'],
	setup: [],
	connect: ['url', 'name']
};

/** Values a deep link or an existing workspace fills in. */
export type FormPrefill = Partial<
	Pick<
		Workspace,
		'name' | 'url' | 'port' | 'username' | 'password' | 'defaultModel' | 'defaultAgent'
	>
>;

/** The add/edit workspace form: values, the current step, and per-field errors. */
export class WorkspaceFormState {
	step = $state<FormStep>('credentials');
	username = $state('opencode');
	password = $state('');
	port = $state<number | null>(randomPort());
	tunnel = $state<TunnelChoice>('ngrok');
	url = $state('');
	defaultModel = $state<ModelRef | undefined>();
	/** '' for the server's own default. */
	defaultAgent = $state('');
	#name = $state('');
	#nameEdited = $state(false);
	errors = $state<WorkspaceFieldErrors>({});

	constructor(prefill: FormPrefill = {}, step: FormStep = 'credentials') {
		this.step = step;
		if (prefill.username !== undefined) this.username = prefill.username;
		if (prefill.password !== undefined) this.password = prefill.password;
		if (prefill.port !== undefined) this.port = prefill.port;
		if (prefill.url !== undefined) this.url = prefill.url;
		if (prefill.name !== undefined) this.name = prefill.name;
		this.defaultModel = prefill.defaultModel;
		this.defaultAgent = prefill.defaultAgent ?? '';
	}

	/** The name the user typed, or one suggested from the URL's host until they do. */
	get name(): string {
		return this.#nameEdited ? this.#name : suggestName(this.url);
	}
	set name(value: string) {
		this.#name = value;
		this.#nameEdited = true;
	}

	get input(): WorkspaceInput {
		return {
			name: this.name,
			url: this.url,
			port: this.port ?? Number.NaN,
			username: this.username,
			password: this.password,
			defaultModel: this.defaultModel,
			defaultAgent: this.defaultAgent || undefined
		};
	}

	commands(appOrigin: string) {
		return setupCommands({
			username: this.username,
			password: this.password,
			port: this.port ?? 0,
			tunnel: this.tunnel,
			appOrigin
		});
	}

	/** Validates the fields of the current step; on success moves on and returns true. */
	next(): boolean {
		if (!this.validate(STEP_FIELDS[this.step])) return false;
		if (this.step === 'credentials') this.step = 'setup';
		else if (this.step === 'setup') {
			if (this.tunnel === 'local' && !this.url && this.port)
				this.url = `http://localhost:${this.port}`;
			this.step = 'connect';
		}
		return true;
	}

	back() {
		this.step = this.step === 'connect' ? 'setup' : 'credentials';
	}

	/** Validates the given fields (all by default), showing their errors. */
	validate(
		fields: Array<keyof WorkspaceInput> = Object.keys(STEP_FIELDS).flatMap(
			(s) => STEP_FIELDS[s as FormStep]
		)
	): boolean {
		const result = validateWorkspaceInput(this.input);
		const errors: WorkspaceFieldErrors = {};
		if (!result.ok)
			for (const field of fields) if (result.errors[field]) errors[field] = result.errors[field];
		this.errors = errors;
		if (Object.keys(errors).length === 0) return true;
		const firstStep = FORM_STEPS.find(({ id }) => STEP_FIELDS[id].some((f) => errors[f]));
		if (firstStep) this.step = firstStep.id;
		return false;
	}
}
