import type { Invocation } from '../../../../shared/schemas/delivery';
import { toCurl } from '../../../../shared/curl';
import { CopyButton } from '../../components/CopyButton';
import { HeadersTable } from '../../components/HeadersTable';
import { RecordedBodyView } from './RecordedBodyView';

const show = (value: unknown): string => (value === undefined ? '(missing)' : JSON.stringify(value));

/** One request and what came back: request, response, timing, validators, errors, and "Copy as curl". */
export function InvocationView({ invocation }: { invocation: Invocation }) {
  const { request, response, bodyError } = invocation;
  return (
    <div className="invocation">
      <dl className="facts">
        <dt>Result</dt>
        <dd>{invocation.ok ? 'Succeeded' : 'Failed'}</dd>
        <dt>Status</dt>
        <dd>{response ? response.status : 'no response'}</dd>
        <dt>Duration</dt>
        <dd>{Math.round(invocation.durationMs)} ms</dd>
        {invocation.sampleEventId !== undefined && (
          <>
            <dt>Sample</dt>
            <dd aria-label="Sample event">
              {invocation.sampleEventId === null ? (
                'Built-in sample'
              ) : (
                <>
                  Body of event <span className="mono">{invocation.sampleEventId}</span>
                </>
              )}
              , sent under a new test id
            </dd>
          </>
        )}
      </dl>
      {invocation.error && !bodyError && (
        <p className="error" role="note" aria-label="Error">
          {invocation.error}
        </p>
      )}
      {bodyError && (
        <p className="error" aria-label="Body error">
          {bodyError.source === 'template' ? 'Template error' : 'The rendered body is not valid JSON'} at line {bodyError.line}, column{' '}
          {bodyError.column}: {bodyError.message.replace(/^Template error:\s*/, '').replace(/\s*\(line \d+, column \d+\)/g, '')}. Nothing was sent.
        </p>
      )}
      <section aria-label="Request">
        <div className="section-head">
          <h4>Request</h4>
          <CopyButton text={toCurl(request)} what="as curl" />
        </div>
        <p className="mono">
          {request.method} {request.url}
        </p>
        <HeadersTable label="Request headers" headers={request.headers} />
        <RecordedBodyView label="Request body" body={request.body} encoding={request.encoding} truncated={request.truncated} />
      </section>
      <section aria-label="Response">
        <h4>Response</h4>
        {response ? (
          <>
            <p className="mono" aria-label="Response status">
              HTTP {response.status}
            </p>
            <HeadersTable label="Response headers" headers={response.headers} />
            <RecordedBodyView label="Response body" body={response.body} encoding={response.encoding} truncated={response.truncated} />
          </>
        ) : (
          <p className="muted">No response{invocation.error ? '' : ' (nothing was sent)'}.</p>
        )}
      </section>
      {invocation.validators.length > 0 && (
        <table className="table" aria-label="Validator results">
          <thead>
            <tr>
              <th scope="col">Path</th>
              <th scope="col">Expected</th>
              <th scope="col">Actual</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {invocation.validators.map((v, i) => (
              <tr key={i}>
                <td className="mono">{v.path}</td>
                <td className="mono">{v.expected.map((e) => JSON.stringify(e)).join(', ')}</td>
                <td className="mono">{show(v.actual)}</td>
                <td className={v.ok ? 'ok' : 'error'}>{v.ok ? 'passed' : 'failed'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
