/**
 * Hostile agent output for the XSS spec. Every payload that runs reports itself through one of
 * the channels the spec watches, naming its id:
 * - `__xss('id')` (a page function; frames reach it as `parent.__xss` / `top.__xss`),
 * - `top.postMessage('xss:id', '*')` (frames on an opaque origin, e.g. `data:` documents),
 * - `alert('id')` or `window.__pwned = 'id'`,
 * - a request to `/__xss/id…` (CSS, stylesheets, images, `<base>`, meta refresh: no script).
 *
 * `firesWhenRaw` marks payloads that report by themselves, without a click, once their HTML is
 * put into a page unsanitised (measured in Chromium, CSP bypassed): the spec's control test
 * proves the channels work by doing exactly that.
 */
export type XssPayload = {
	/** Unique; appears in `markdown` so that a report can be traced back. */
	id: string;
	kind:
		| 'script'
		| 'event-handler'
		| 'javascript-url'
		| 'svg-mathml'
		| 'data-url'
		| 'css'
		| 'remote-load'
		| 'markdown'
		| 'code'
		| 'document'
		| 'mutation';
	/** What the agent writes (markdown, often with raw HTML in it). */
	markdown: string;
	/** Reports by itself when inserted as raw HTML (see above). */
	firesWhenRaw?: boolean;
	/** Text that must be shown literally (code is text, never markup). */
	shownAsText?: string;
	/**
	 * Leaves an element or comment open that the sanitiser then drops with everything after it
	 * in the same reply, so it goes last in its reply, after the end marker.
	 */
	hidesWhatFollows?: boolean;
};

const call = (id: string) => `__xss('${id}')`;
const post = (id: string) => `top.postMessage('xss:${id}','*')`;
const base64 = (text: string) => Buffer.from(text).toString('base64');

export const XSS_PAYLOADS: readonly XssPayload[] = [
	// <script> in its many spellings.
	{ id: 's01', kind: 'script', markdown: `<script>${call('s01')}</script>` },
	{ id: 's02', kind: 'script', markdown: `<SCRIPT>${call('s02')}</SCRIPT>` },
	{ id: 's03', kind: 'script', markdown: `<script src="/__xss/s03.js"></script>` },
	{
		id: 's04',
		kind: 'script',
		markdown: `<script/src="data:text/javascript,${call('s04')}"></script>`
	},
	{ id: 's05', kind: 'script', markdown: `<<script>${call('s05')};//<</script>` },
	{
		id: 's06',
		kind: 'script',
		markdown: `<scr<script>ipt>${call('s06')}</scr</script>ipt>`
	},
	{ id: 's07', kind: 'script', markdown: `<svg><script>${call('s07')}</script></svg>` },

	// Event handlers that fire on their own.
	{
		id: 'e01',
		kind: 'event-handler',
		markdown: `<img src=x onerror=${call('e01')}>`,
		firesWhenRaw: true
	},
	{ id: 'e02', kind: 'event-handler', markdown: `<svg onload=${call('e02')}>` },
	{ id: 'e03', kind: 'event-handler', markdown: `<body onload=${call('e03')}>` },
	{
		id: 'e04',
		kind: 'event-handler',
		markdown: `<details open ontoggle=${call('e04')}><summary>e04</summary>x</details>`,
		firesWhenRaw: true
	},
	{
		id: 'e05',
		kind: 'event-handler',
		markdown: `<video><source onerror=${call('e05')}></video>`,
		firesWhenRaw: true
	},
	{
		id: 'e06',
		kind: 'event-handler',
		markdown: `<audio src=x onerror=${call('e06')}></audio>`,
		firesWhenRaw: true
	},
	{
		id: 'e07',
		kind: 'event-handler',
		markdown: `<input autofocus onfocus=${call('e07')}>`,
		firesWhenRaw: true
	},
	{ id: 'e08', kind: 'event-handler', markdown: `<marquee onstart=${call('e08')}>e08</marquee>` },
	{
		id: 'e09',
		kind: 'event-handler',
		markdown: `<IMG SRC=x ONERROR="${call('e09')}">`,
		firesWhenRaw: true
	},
	{
		id: 'e10',
		kind: 'event-handler',
		markdown: `<img src=x onerror=&#95;&#95;xss&#40;'e10'&#41;>`,
		firesWhenRaw: true
	},
	{
		id: 'e11',
		kind: 'event-handler',
		markdown: `<img src=x\nonerror=${call('e11')}>`,
		firesWhenRaw: true
	},
	{
		id: 'e12',
		kind: 'event-handler',
		markdown: `<div onmouseover="${call('e12')}" onclick="${call('e12')}">e12: hover or click</div>`
	},
	{
		id: 'e13',
		kind: 'event-handler',
		markdown: `<iframe onload=${call('e13')}></iframe>`,
		firesWhenRaw: true
	},
	{
		id: 'e14',
		kind: 'event-handler',
		markdown: `<textarea autofocus onfocus=${call('e14')}>e14</textarea>`
	},
	{
		id: 'e15',
		kind: 'event-handler',
		markdown: `<a href="https://example.com/e15" onclick="${call('e15')}">e15 link</a>`
	},
	{
		id: 'e16',
		kind: 'event-handler',
		markdown: `<img src=x:alert onerror=alert('e16')>`,
		firesWhenRaw: true
	},
	{
		id: 'e17',
		kind: 'event-handler',
		markdown: `<img src=x onerror="window.__pwned='e17'">`,
		firesWhenRaw: true
	},
	{
		id: 'e18',
		kind: 'event-handler',
		markdown: `<input type="image" src="x" onerror="${call('e18')}">`,
		firesWhenRaw: true
	},

	// Media and legacy attributes that load a URL: a remote one tells its host the chat was read.
	{
		id: 'r01',
		kind: 'remote-load',
		markdown: `<video src="/__xss/r01.mp4" poster="/__xss/r01.png" autoplay muted></video>`,
		firesWhenRaw: true
	},
	{
		id: 'r02',
		kind: 'remote-load',
		markdown: `<audio src="/__xss/r02.mp3" autoplay></audio>`,
		firesWhenRaw: true
	},
	{
		id: 'r03',
		kind: 'remote-load',
		markdown: `<video><source src="/__xss/r03.mp4"><track default src="/__xss/r03.vtt"></video>`,
		firesWhenRaw: true
	},
	{
		id: 'r04',
		kind: 'remote-load',
		markdown: `<table background="/__xss/r04.png"><tr><td background="/__xss/r04.png">r04</td></tr></table>`,
		firesWhenRaw: true
	},
	{
		id: 'r05',
		kind: 'remote-load',
		markdown: `<picture><source srcset="/__xss/r05.png"><img src="/__xss/r05.png"></picture>`,
		firesWhenRaw: true
	},

	// javascript: links, in markdown and HTML, disguised.
	{ id: 'j01', kind: 'javascript-url', markdown: `[j01](javascript:${call('j01')})` },
	{ id: 'j02', kind: 'javascript-url', markdown: `[j02](JaVaScRiPt:${call('j02')})` },
	{ id: 'j03', kind: 'javascript-url', markdown: `[j03](&#106;avascript:${call('j03')})` },
	{ id: 'j04', kind: 'javascript-url', markdown: `[j04](<javascript:${call('j04')}>)` },
	{
		id: 'j05',
		kind: 'javascript-url',
		markdown: `[j05 reference][ref-j05]\n\n[ref-j05]: javascript:${call('j05')}`
	},
	{ id: 'j06', kind: 'javascript-url', markdown: `<javascript:${call('j06')}>` },
	{ id: 'j07', kind: 'javascript-url', markdown: `<a href="javascript:${call('j07')}">j07</a>` },
	{
		id: 'j08',
		kind: 'javascript-url',
		markdown: `<a href="jav&#x09;ascript:${call('j08')}">j08</a>`
	},
	{
		id: 'j09',
		kind: 'javascript-url',
		markdown: `<a href=" &#14;  javascript:${call('j09')}">j09</a>`
	},
	{
		id: 'j10',
		kind: 'javascript-url',
		markdown: `<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;${call('j10')}">j10</a>`
	},
	{
		id: 'j11',
		kind: 'javascript-url',
		markdown: `<a href="javascript&colon;${call('j11')}">j11</a>`
	},
	{
		id: 'j12',
		kind: 'javascript-url',
		markdown: `<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058${call('j12')}">j12</a>`
	},
	{ id: 'j13', kind: 'javascript-url', markdown: `[j13](vbscript:${call('j13')})` },
	{ id: 'j14', kind: 'javascript-url', markdown: `<a href="java\nscript:${call('j14')}">j14</a>` },

	// SVG and MathML.
	{
		id: 'v01',
		kind: 'svg-mathml',
		markdown: `<svg><a xlink:href="javascript:${call('v01')}"><text x="20" y="20">v01</text></a></svg>`
	},
	{
		id: 'v02',
		kind: 'svg-mathml',
		markdown: `<svg><animate xlink:href="#v02" attributeName="href" values="javascript:${call('v02')}"/><a id="v02"><text x="20" y="20">v02</text></a></svg>`
	},
	{
		id: 'v03',
		kind: 'svg-mathml',
		markdown: `<svg><set attributeName="onmouseover" to="${call('v03')}"/></svg>`
	},
	{
		id: 'v04',
		kind: 'svg-mathml',
		markdown: `<svg><foreignObject><img src=x onerror=${call('v04')}></foreignObject></svg>`,
		firesWhenRaw: true
	},
	{
		id: 'v05',
		kind: 'svg-mathml',
		markdown: `<math><maction actiontype="statusline" xlink:href="javascript:${call('v05')}">v05<mtext>x</mtext></maction></math>`
	},
	{ id: 'v06', kind: 'svg-mathml', markdown: `<math href="javascript:${call('v06')}">v06</math>` },
	{
		id: 'v07',
		kind: 'svg-mathml',
		markdown: `<svg><image href="x" onerror="${call('v07')}"/></svg>`,
		firesWhenRaw: true
	},
	{
		id: 'v08',
		kind: 'svg-mathml',
		markdown: `<svg><animate onbegin="${call('v08')}" attributeName="x" dur="1s"/></svg>`,
		firesWhenRaw: true
	},

	// data: URLs: documents run on an opaque origin, so they report by postMessage.
	{
		id: 'd01',
		kind: 'data-url',
		markdown: `<a href="data:text/html,<script>${post('d01')}</script>">d01</a>`
	},
	{
		id: 'd02',
		kind: 'data-url',
		markdown: `[d02 base64](data:text/html;base64,${base64(`<script>${post('d02')}</script>`)})`
	},
	{
		id: 'd03',
		kind: 'data-url',
		markdown: `<iframe src="data:text/html,<script>${post('d03')}</script>"></iframe>`,
		firesWhenRaw: true
	},
	{
		id: 'd04',
		kind: 'data-url',
		markdown: `<object data="data:text/html,<script>${post('d04')}</script>"></object>`,
		firesWhenRaw: true
	},
	{
		id: 'd05',
		kind: 'data-url',
		markdown: `<embed src="data:text/html,<script>${post('d05')}</script>">`,
		firesWhenRaw: true
	},
	{
		id: 'd06',
		kind: 'data-url',
		markdown: `<iframe srcdoc="<script>parent.${call('d06')}</script>"></iframe>`,
		firesWhenRaw: true
	},
	{
		id: 'd07',
		kind: 'data-url',
		markdown: `<iframe srcdoc="&lt;img src=x onerror=parent.${call('d07')}&gt;"></iframe>`,
		firesWhenRaw: true
	},
	{
		id: 'd08',
		kind: 'data-url',
		markdown: `[d08 image link](data:image/svg+xml;base64,${base64(`<svg xmlns="http://www.w3.org/2000/svg" onload="${post('d08')}"/>`)})`
	},

	// CSS: no script in Chromium, but fetching a URL is already a leak (and an overlay a trap).
	{
		id: 'c01',
		kind: 'css',
		markdown: `<style>@import '/__xss/c01.css';</style>`,
		firesWhenRaw: true
	},
	{
		id: 'c02',
		kind: 'css',
		markdown: `<style>body{background-image:url('/__xss/c02.png')}</style>`,
		firesWhenRaw: true
	},
	{
		id: 'c03',
		kind: 'css',
		markdown: `<p style="background-image:url('/__xss/c03.png')">c03</p>`,
		firesWhenRaw: true
	},
	{ id: 'c04', kind: 'css', markdown: `<p style="width:expression(${call('c04')})">c04</p>` },
	{
		id: 'c05',
		kind: 'css',
		markdown: `<p style="background:url(javascript:${call('c05')})">c05</p>`
	},
	{
		id: 'c06',
		kind: 'css',
		markdown: `<link rel="stylesheet" href="/__xss/c06.css">`,
		firesWhenRaw: true
	},
	{
		id: 'c07',
		kind: 'css',
		markdown: `<p style="position:fixed;inset:0;z-index:9999;background:url('/__xss/c07.png')">c07 overlay</p>`,
		firesWhenRaw: true
	},

	// Markdown's own link and image syntax.
	{ id: 'm01', kind: 'markdown', markdown: `![m01](javascript:${call('m01')})` },
	{ id: 'm02', kind: 'markdown', markdown: `![m02 tracking pixel](/__xss/m02.png)` },
	{ id: 'm03', kind: 'markdown', markdown: `![m03](x" onerror="${call('m03')})` },
	{ id: 'm04', kind: 'markdown', markdown: `[![m04](/__xss/m04.png)](javascript:${call('m04')})` },
	{
		id: 'm05',
		kind: 'markdown',
		markdown: `[m05](https://example.com/m05 "title\\" onmouseover=\\"${call('m05')}")`
	},
	{
		id: 'm06',
		kind: 'markdown',
		markdown: `[m06](https://example.com/"onmouseover="${call('m06')})`
	},
	{
		id: 'm07',
		kind: 'markdown',
		markdown: `[m07 reference image]\n\n[m07 reference image]: /__xss/m07.png "![x](javascript:${call('m07')})"`
	},

	// Code is text, whatever it contains (and highlight.js must keep it so).
	{
		id: 'f01',
		kind: 'code',
		markdown: `\`\`\`html\n<script>${call('f01')}</script>\n<img src=x onerror=${call('f01')}>\n\`\`\``,
		shownAsText: `<script>${call('f01')}</script>`,
		firesWhenRaw: true
	},
	{
		id: 'f02',
		kind: 'code',
		markdown: `\`\`\`\n<iframe srcdoc="<script>parent.${call('f02')}</script>"></iframe>\n\`\`\``,
		shownAsText: `<iframe srcdoc="<script>parent.${call('f02')}</script>"></iframe>`,
		firesWhenRaw: true
	},
	{
		id: 'f03',
		kind: 'code',
		markdown: `Inline: \`<img src=x onerror=${call('f03')}>\``,
		shownAsText: `<img src=x onerror=${call('f03')}>`,
		firesWhenRaw: true
	},
	{
		id: 'f04',
		kind: 'code',
		markdown: `\`\`\`svg\n<svg onload=${call('f04')}></svg>\n\`\`\``,
		shownAsText: `<svg onload=${call('f04')}></svg>`
	},
	{
		id: 'f05',
		kind: 'code',
		markdown: `Indented:\n\n    <details open ontoggle=${call('f05')}>`,
		shownAsText: `<details open ontoggle=${call('f05')}>`,
		firesWhenRaw: true
	},

	// Document-level tricks: refresh, forms, base, frames, plug-ins.
	{
		id: 'o01',
		kind: 'document',
		markdown: `<meta http-equiv="refresh" content="0;url=javascript:${call('o01')}">`
	},
	{
		id: 'o02',
		kind: 'document',
		markdown: `<meta http-equiv="refresh" content="0;url=/__xss/o02">`
	},
	{
		id: 'o03',
		kind: 'document',
		markdown: `<form action="javascript:${call('o03')}"><button>o03 submit</button></form>`
	},
	{
		id: 'o04',
		kind: 'document',
		markdown: `<form><button formaction="javascript:${call('o04')}">o04 go</button></form>`
	},
	// Any later relative load (a lazily imported chunk) would come from /__xss/o05/.
	{ id: 'o05', kind: 'document', markdown: `<base href="/__xss/o05/">` },
	{ id: 'o06', kind: 'document', markdown: `<embed src="javascript:${call('o06')}">` },
	{ id: 'o07', kind: 'document', markdown: `<object data="javascript:${call('o07')}"></object>` },
	{ id: 'o08', kind: 'document', markdown: `<frameset onload=${call('o08')}>` },
	{
		id: 'o09',
		kind: 'document',
		markdown: `<a href="https://example.com/o09" target="_self" rel="opener">o09 opener</a>`
	},
	{
		id: 'o10',
		kind: 'document',
		markdown: `<xss-o10 tabindex="1" autofocus onfocus="${call('o10')}">o10</xss-o10>`
	},

	// Mutation XSS: markup that changes meaning when parsed twice (DOMPurify bypass classics).
	{
		id: 'x01',
		kind: 'mutation',
		markdown: `<noscript><p title="</noscript><img src=x onerror=${call('x01')}>"></noscript>`,
		firesWhenRaw: true
	},
	{
		id: 'x02',
		kind: 'mutation',
		markdown: `<svg></p><style><a id="</style><img src=1 onerror=${call('x02')}>">`,
		firesWhenRaw: true
	},
	{
		id: 'x03',
		kind: 'mutation',
		markdown: `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=${call('x03')}&gt;">`,
		hidesWhatFollows: true
	},
	{
		id: 'x04',
		kind: 'mutation',
		markdown: `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${call('x04')}>`,
		hidesWhatFollows: true
	},
	{
		id: 'x05',
		kind: 'mutation',
		markdown: `<template><style></template><img src=x onerror=${call('x05')}></style></template>`
	},
	{
		id: 'x06',
		kind: 'mutation',
		markdown: `<svg><style><img src=x onerror=${call('x06')}></style></svg>`,
		firesWhenRaw: true
	},
	{
		id: 'x07',
		kind: 'mutation',
		markdown: `<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=${call('x07')} src=1>"></path></textarea></mtext></svg></mglyph></mi></math>`,
		firesWhenRaw: true
	},
	{
		id: 'x08',
		kind: 'mutation',
		markdown: `<div><select><template><style><!--</style><img src=x onerror=${call('x08')}>--></style></template></select></div>`
	},
	{
		id: 'x09',
		kind: 'mutation',
		markdown: `<a href="https://example.com/x09">x09<img src=x onerror=${call('x09')}></a>`,
		firesWhenRaw: true
	}
];

/** One agent reply's worth of payloads. */
export type XssBatch = {
	/** Rendered before the end marker. */
	payloads: XssPayload[];
	/** At most one payload that hides what follows it, after the end marker. */
	last?: XssPayload;
};

/** The payloads in `count` batches of about equal size, one agent reply each. */
export function payloadBatches(count: number): XssBatch[] {
	const plain = XSS_PAYLOADS.filter((payload) => !payload.hidesWhatFollows);
	const hiding = XSS_PAYLOADS.filter((payload) => payload.hidesWhatFollows);
	if (hiding.length > count)
		throw new Error(`${hiding.length} hiding payloads need as many batches`);
	const size = Math.ceil(plain.length / count);
	return Array.from({ length: count }, (_, i) => ({
		payloads: plain.slice(i * size, (i + 1) * size),
		last: hiding[count - 1 - i]
	}));
}

/** Every payload of a batch. */
export const batchPayloads = (batch: XssBatch) => [
	...batch.payloads,
	...(batch.last ? [batch.last] : [])
];

/** The marker text that ends batch `n`'s reply: once it is on screen, the reply is rendered. */
export const batchEnd = (n: number) => `XSS batch ${n} complete.`;

/** The label written before each payload. */
export const payloadLabel = (payload: XssPayload) => `Payload ${payload.id}:`;

/**
 * One agent reply carrying a batch: each payload in its own block after its label, a harmless
 * link (whose `rel` the spec checks), the end marker, and then the payload that hides the rest.
 */
export function batchReply(n: number, batch: XssBatch): string {
	const block = (payload: XssPayload) => `${payloadLabel(payload)}\n\n${payload.markdown}`;
	return [
		...batch.payloads.map(block),
		`[A harmless link ${n}](https://example.com/batch-${n})`,
		batchEnd(n),
		...(batch.last ? [block(batch.last)] : [])
	].join('\n\n');
}

/** A session title with markup (the fake model's title answer). */
export const TITLE_PAYLOAD = `<img src=x onerror=${call('title')}><b>Pwned</b> title`;

/** A user prompt with markup; shown as the user typed it. */
export const promptPayload = (n: number) =>
	`Batch ${n} <img src=x onerror=${call(`prompt${n}`)}><script>${call(`prompt${n}`)}</script>`;

/** What a bash tool call prints (the spec prints it from a quoted heredoc, verbatim). */
export const TOOL_OUTPUT_PAYLOAD = `<img src=x onerror=${call('tool-output')}><script>${call('tool-output')}</script>`;

/** A file path no file has, so the read tool fails with it in its error. */
export const TOOL_ERROR_PAYLOAD = `<img src=x onerror=${call('tool-error')}>.txt`;

/** A tool name no tool has: opencode shows the call as an `invalid` tool, with the name. */
export const TOOL_NAME_PAYLOAD = `<svg onload=${call('tool-name')}>`;

/** What the model provider answers instead of a reply; opencode shows it as the error. */
export const PROVIDER_ERROR_PAYLOAD = `<img src=x onerror=${call('provider-error')}> bad request <a href="javascript:${call('provider-error')}">x</a>`;
