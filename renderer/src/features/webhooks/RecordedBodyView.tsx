import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { recordedBytes, type BodyEncoding } from '../../../../shared/body-bytes';
import { CopyButton } from '../../components/CopyButton';
import { formatBytes, prettyText } from '../../lib/format';
import { HEX_DUMP_BYTES, hexDump } from '../../lib/hex-dump';

export interface RecordedBodyProps {
  /** The accessible name of the body ("Request body", "Response body"). */
  label: string;
  body: string | null;
  encoding?: BodyEncoding | undefined;
  truncated?: boolean | undefined;
}

/**
 * A body as a record keeps it (request or response of a delivery, test, forward, replay). Text is
 * shown as text (indented when JSON); bytes that are not UTF-8 come as base64 from the engine and are
 * shown as what they are, "Binary, N bytes", with a hex dump of the first 4 KiB, Copy as base64 and a
 * download of the exact bytes: never decoded into replacement characters.
 */
export function RecordedBodyView({ label, body, encoding, truncated }: RecordedBodyProps) {
  const cut = truncated ? <p className="muted small">Only the first {formatBytes(64 * 1024)} were kept; the rest was sent or received but not recorded.</p> : null;
  if (body === null) return <pre aria-label={label}>(no body)</pre>;
  if (encoding !== 'base64') {
    return (
      <>
        <pre aria-label={label}>{body === '' ? '(empty)' : prettyText(body)}</pre>
        {cut}
      </>
    );
  }
  return <BinaryBody label={label} base64={body} cut={cut} />;
}

function BinaryBody({ label, base64, cut }: { label: string; base64: string; cut: ReactNode }) {
  const bytes = useMemo(() => recordedBytes({ body: base64, encoding: 'base64' }), [base64]);
  const download = useDownloadUrl(bytes);
  const shown = Math.min(bytes.length, HEX_DUMP_BYTES);
  return (
    <section className="binary-body" aria-label={`${label}, binary`}>
      <div className="section-head">
        <p className="mono" aria-label={`${label} size`}>
          Binary, {bytes.length.toLocaleString('en-US')} bytes
        </p>
        <span className="binary-actions">
          <CopyButton text={base64} what={`${label.toLowerCase()} as base64`} />
          {download && (
            <a className="download" href={download} download={`${label.toLowerCase().replace(/\s+/g, '-')}.bin`} aria-label={`Download ${label.toLowerCase()}`}>
              Download
            </a>
          )}
        </span>
      </div>
      <pre className="hex-dump" aria-label={label} tabIndex={0}>
        {hexDump(bytes)}
      </pre>
      {shown < bytes.length && (
        <p className="muted small">
          The first {formatBytes(shown)} of {formatBytes(bytes.length)} are shown; Copy and Download give them all.
        </p>
      )}
      {cut}
    </section>
  );
}

/** An object URL for the bytes while the view is shown (revoked when it goes). */
function useDownloadUrl(bytes: Uint8Array): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [bytes]);
  return url;
}
