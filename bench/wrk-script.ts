/**
 * The Lua script that drives one wrk run (wrk 4.x, LuaJIT): the method, headers and bodies of the
 * requests, a count of non-2xx answers, a sample of acknowledged event ids, an optional request
 * budget, and a `done()` that prints the figures as one JSON line (see wrk-result.ts).
 *
 * wrk calls `request()` once on thread 1 before the run to check it (`script_verify_request`);
 * that call is not sent, so the rotation skips it. A budgeted run (`amount`) splits the requests
 * between the threads, parks a connection once its thread has sent its share (`delay()` answers an
 * hour) and, when the thread has all its answers, prints `WRK_THREAD_DONE <id>` once and stops the thread;
 * the caller then ends wrk with SIGINT (wrk's main thread otherwise sleeps the whole duration).
 */
export const WRK_RESULT_PREFIX = 'HOOKDESK_WRK_RESULT ';
export const WRK_THREAD_DONE = 'HOOKDESK_WRK_THREAD_DONE';

export interface WrkScriptOptions {
  method: 'POST' | 'GET' | 'PUT';
  /** Path and query of every request (wrk connects to the URL it is given). */
  path: string;
  headers: Record<string, string>;
  /** One body (static request) or several, sent in rotation (each thread starts at its share). */
  bodies: string[];
  threads: number;
  /** Send exactly this many requests in all, then stop. */
  amount?: number;
  /** Keep up to this many acknowledged ids (`"ids":["..."` of push answers), one answer in 100. */
  sampleIds?: number;
}

/** A Lua string literal of the UTF-8 bytes of `text`, pure ASCII: `\`, `"`, control and non-ASCII bytes as decimal escapes. */
export function luaString(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x22) out += '\\"';
    else if (byte < 0x20 || byte >= 0x7f) out += `\\${String(byte).padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `${out}"`;
}

/** A header name or value must not break the request line it is written into. */
function checkHeader(name: string, value: string): void {
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new Error(`bench: invalid header name ${JSON.stringify(name)}`);
  if (/[\r\n]/.test(value)) throw new Error(`bench: header ${name} has a line break`);
}

/** Requests per thread: `amount` split as evenly as possible (the first threads take the remainder). */
export function shares(amount: number, threads: number): number[] {
  const base = Math.floor(amount / threads);
  return Array.from({ length: threads }, (_, i) => base + (i < amount % threads ? 1 : 0));
}

export function wrkScript(o: WrkScriptOptions): string {
  if (o.bodies.length === 0) throw new Error('bench: a wrk run needs at least one body');
  if (!/^\/[\x21-\x7e]*$/.test(o.path)) throw new Error(`bench: invalid request path ${JSON.stringify(o.path)}`);
  for (const [name, value] of Object.entries(o.headers)) checkHeader(name, value);
  const budget = o.amount === undefined ? null : shares(o.amount, o.threads);
  // Each thread's first body: the start of its share of a budgeted run, else spread over the list.
  const starts = budget
    ? budget.map((_, i) => budget.slice(0, i).reduce((a, b) => a + b, 0) % o.bodies.length)
    : Array.from({ length: o.threads }, (_, i) => Math.floor((i * o.bodies.length) / o.threads));
  const rotating = o.bodies.length > 1 || budget !== null;
  const lines: string[] = [
    `wrk.method = ${luaString(o.method)}`,
    `wrk.path = ${luaString(o.path)}`,
    ...Object.entries(o.headers).map(([name, value]) => `wrk.headers[${luaString(name)}] = ${luaString(value)}`),
    `local bodies = {`,
    ...o.bodies.map((b) => `  ${luaString(b)},`),
    `}`,
    `local starts = { ${starts.join(', ')} }`,
    `local limits = { ${(budget ?? []).join(', ')} }`,
    `local sample_max = ${Math.max(0, Math.floor(o.sampleIds ?? 0))}`,
    `local threads = {}`,
    `local next_id = 1`,
    // setup() runs in wrk's main Lua state, once per thread, before that thread's init().
    `function setup(thread)`,
    `  thread:set("id", next_id)`,
    `  table.insert(threads, thread)`,
    `  next_id = next_id + 1`,
    `end`,
    `function init(args)`,
    `  non2xx = 0`,
    `  first_bad = ""`,
    `  responses = 0`,
    `  sent = 0`,
    `  reserved = 0`,
    `  finished = false`,
    `  ids = {}`,
    `  sample_tick = 0`,
    `  limit = limits[id]`,
    `  verifying = (id == 1)`,
    `  cursor = starts[id]`,
  ];
  if (rotating) {
    lines.push(
      `  reqs = {}`,
      `  for i, b in ipairs(bodies) do reqs[i] = wrk.format(nil, nil, nil, b) end`,
      `end`,
      `function request()`,
      `  local r = reqs[cursor + 1]`,
      `  if verifying then verifying = false return r end`,
      `  cursor = (cursor + 1) % #reqs`,
      `  sent = sent + 1`,
      `  return r`,
      `end`,
    );
  } else {
    lines.push(`  wrk.body = bodies[1]`, `end`);
  }
  if (budget) {
    // delay() runs once before each request of a connection: the slot is taken there, so two
    // connections answered in the same loop turn cannot both send the last body.
    lines.push(
      `function delay()`,
      `  if reserved >= limit then return 3600000 end`,
      `  reserved = reserved + 1`,
      `  return 0`,
      `end`,
    );
  }
  lines.push(
    `function response(status, headers, body)`,
    `  responses = responses + 1`,
    `  if status < 200 or status > 299 then`,
    `    non2xx = non2xx + 1`,
    `    if first_bad == "" then first_bad = status .. " " .. string.sub(body or "", 1, 200) end`,
    `  elseif sample_max > 0 and #ids < sample_max then`,
    `    sample_tick = sample_tick + 1`,
    `    if sample_tick % 100 == 1 then`,
    `      local first = string.match(body or "", '"ids":%["([%w_%-]+)"')`,
    `      if first then ids[#ids + 1] = first end`,
    `    end`,
    `  end`,
  );
  if (budget) {
    lines.push(
      // stop() ends the thread's loop after the current turn, which may deliver more answers: once.
      `  if responses >= limit and not finished then`,
      `    finished = true`,
      `    io.write(${luaString(`${WRK_THREAD_DONE} `)} .. id .. "\\n")`,
      `    io.flush()`,
      `    wrk.thread:stop()`,
      `  end`,
    );
  }
  lines.push(
    `end`,
    `local function quote(s) return '"' .. string.gsub(s, '[%c"\\\\]', ' ') .. '"' end`,
    `function done(summary, latency, requests)`,
    `  local bad, first, all_ids, answered = 0, "", {}, 0`,
    `  for _, t in ipairs(threads) do`,
    `    bad = bad + t:get("non2xx")`,
    `    answered = answered + t:get("responses")`,
    `    if first == "" then first = t:get("first_bad") end`,
    `    for _, v in ipairs(t:get("ids")) do all_ids[#all_ids + 1] = quote(v) end`,
    `  end`,
    `  local e = summary.errors`,
    `  io.write(${luaString(WRK_RESULT_PREFIX)} .. string.format(`,
    `    '{"duration_us":%d,"requests":%d,"responses":%d,"non2xx":%d,"first_non2xx":%s,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..`,
    `    '"latency_us":{"min":%.1f,"mean":%.1f,"max":%.1f,"p50":%.1f,"p90":%.1f,"p99":%.1f,"p999":%.1f},"ids":[%s]}\\n',`,
    `    summary.duration, summary.requests, answered, bad, quote(first), e.connect, e.read, e.write, e.status, e.timeout,`,
    `    latency.min, latency.mean, latency.max, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),`,
    `    table.concat(all_ids, ",")))`,
    `end`,
    '',
  );
  return lines.join('\n');
}
