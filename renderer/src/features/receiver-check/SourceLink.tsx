/**
 * Where a number is documented: a link for a web address (opens outside the workspace), the path as
 * text for Hookdesk's own docs (they are in the repository, not served by the engine).
 */
export function SourceLink({ url, what }: { url: string; what: string }) {
  if (!/^https:\/\//.test(url)) {
    return (
      <span>
        Source: <span className="mono">{url}</span>
      </span>
    );
  }
  return (
    <a href={url} target="_blank" rel="noreferrer noopener" aria-label={`Source of the ${what} (opens a new window)`}>
      Source
    </a>
  );
}
