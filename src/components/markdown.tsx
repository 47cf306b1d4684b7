import Markdown from 'react-markdown';

// Guides (申报指南) are Markdown written by staff. react-markdown builds React elements and, without rehype-raw,
// never renders raw HTML: a <script> typed into a guide shows as text. Links open as plain links.
export function MarkdownText({ children }: { children: string }) {
  return (
    <div className="space-y-3 text-slate-800 [&_a]:text-brand-700 [&_a]:underline [&_h1]:text-xl [&_h1]:font-semibold [&_h2]:mt-4 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_ul]:list-disc [&_table]:border [&_td]:border [&_td]:px-2 [&_th]:border [&_th]:px-2">
      <Markdown skipHtml>{children}</Markdown>
    </div>
  );
}
