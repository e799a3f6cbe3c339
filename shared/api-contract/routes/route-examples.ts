/** Example URLs point at a local dev server; the contract test sends them to its own receiver instead. */
export const EXAMPLE_TARGET = 'http://127.0.0.1:3000/webhooks';
