/**
 * Text someone typed (a citizen above all), shown as typed and isolated from what surrounds it: React renders it as text
 * (never HTML), and `<bdi dir="auto">` keeps a right-to-left override (U+202E) or an Arabic name from
 * reordering the operator's own labels around it.
 */
export function IsolatedText({ text, className }: { text: string; className?: string }) {
  return (
    <bdi dir="auto" className={className ? `isolated-text ${className}` : 'isolated-text'}>
      {text}
    </bdi>
  );
}
