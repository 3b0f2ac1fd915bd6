import * as z from 'zod/mini';

// zod probes `new Function('')` to pick a faster parser. Under our CSP (no 'unsafe-eval') the
// probe fails harmlessly but reports a violation on every load. Client hooks load before any
// route module, so this runs before any schema is built.
z.config({ jitless: true });
