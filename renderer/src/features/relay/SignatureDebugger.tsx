import { useEffect, useState } from 'react';
import type { HookEvent } from '../../../../shared/schemas/event';
import type { SignatureDiagnosis, SignatureDiagnosisAnswer } from '../../../../shared/signing/diagnose/diagnosis-schema';
import { api } from '../../api/client';
import './relay-debugger.css';

type Loaded = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; answer: SignatureDiagnosisAnswer };

/** The signed content as shown: text, or a note for bytes that are not UTF-8. */
function SignedContent({ content }: { content: SignatureDiagnosis['signedContent'] }) {
  const size = `${content.bytes.toLocaleString('en-US')} bytes`;
  return (
    <>
      <h5>
        Signed content <span className="muted">({content.label}, {size}{content.truncated ? ', first 4 KiB shown' : ''})</span>
      </h5>
      {content.encoding === 'base64' ? (
        <p className="muted">Binary content (not UTF-8): {size}.</p>
      ) : (
        <pre className="signed-content" aria-label="Signed content">
          {content.text}
        </pre>
      )}
    </>
  );
}

function DiagnosisView({ diagnosis }: { diagnosis: SignatureDiagnosis }) {
  const { cause } = diagnosis;
  return (
    <>
      <h5>Most likely cause</h5>
      <p className="cause-title">{cause.title}</p>
      <p>{cause.detail}</p>
      <p>
        <strong>What to do:</strong> {cause.fix}
      </p>
      <h5>Signatures</h5>
      <dl aria-label="Signatures">
        <dt>Received ({diagnosis.header})</dt>
        <dd>{diagnosis.received ?? 'none'}</dd>
        <dt>Computed here</dt>
        <dd>{diagnosis.computed ?? 'cannot be computed with this secret'}</dd>
        <dt>Secret</dt>
        <dd>{diagnosis.secretHint}</dd>
      </dl>
      <SignedContent content={diagnosis.signedContent} />
      <details>
        <summary>What was tried ({diagnosis.tried.length})</summary>
        <ol>
          {diagnosis.tried.map((step, i) => (
            <li key={i}>
              {step.step}: {step.matched ? 'matches' : 'no match'}
            </li>
          ))}
        </ol>
      </details>
    </>
  );
}

/**
 * "Why did verification fail?": for an event whose signature failed, the engine's diagnosis (the
 * scheme's signed content, computed vs received signature, the most likely cause and what to do),
 * fetched when the event is shown and again when its verification changes.
 */
export function SignatureDebugger({ event }: { event: HookEvent }) {
  const failed = event.verification?.status === 'failed';
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    if (!failed) return;
    let live = true;
    setLoaded({ state: 'loading' });
    api
      .signatureDiagnosis(event.id)
      .then((answer) => live && setLoaded({ state: 'done', answer }))
      .catch((error: unknown) => live && setLoaded({ state: 'error', message: (error as Error).message }));
    return () => {
      live = false;
    };
  }, [event.id, failed, event.verification?.reason]);
  if (!failed) return null;
  return (
    <section className="signature-debugger" aria-labelledby={`why-${event.id}`}>
      <h4 id={`why-${event.id}`}>Why did verification fail?</h4>
      {loaded.state === 'loading' && <p className="muted">Trying the usual mistakes…</p>}
      {loaded.state === 'error' && <p className="error">Could not diagnose the signature: {loaded.message}</p>}
      {loaded.state === 'done' && (loaded.answer.diagnosis ? <DiagnosisView diagnosis={loaded.answer.diagnosis} /> : <p className="muted">{loaded.answer.note}</p>)}
    </section>
  );
}
