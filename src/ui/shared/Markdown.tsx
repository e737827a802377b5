/**
 * Markdown rendered to React elements — never to HTML — for lesson text and the theory page: paragraphs, emphasis,
 * lists, tables, code, headings (with ids for the theory page's anchors), and $inline$ and $$display$$ math typeset
 * by KaTeX (markup KaTeX writes from the formula; \href and other trust-only commands are off). Raw HTML in the
 * source is shown as text. Links are kept only where they stay in the page: another lesson (`?lesson=…`), a theory
 * section (`theory:C.3`) or a glossary term (`term:plateau`); any other link is plain text.
 */
import katex from 'katex';
import type { Nodes, Parent, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { mathFromMarkdown } from 'mdast-util-math';
import { gfmTable } from 'micromark-extension-gfm-table';
import { math } from 'micromark-extension-math';
import { Fragment, type ReactNode, useMemo } from 'react';

import { openTheory } from '../../state/view';
import { Term } from './Term';

export interface MarkdownLinks {
  /** Opens another lesson (a `?lesson=ID&step=N` link). */
  lesson?: (query: string) => void;
}

function Formula({ tex, display }: { tex: string; display: boolean }) {
  const html = useMemo(
    () =>
      katex.renderToString(tex, {
        displayMode: display,
        throwOnError: false,
        trust: false,
        maxExpand: 200,
        maxSize: 20,
      }),
    [tex, display],
  );
  return display ? (
    <div className="tex" tabIndex={0} role="group" aria-label="formula" dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <span className="tex-inline" dangerouslySetInnerHTML={{ __html: html }} />
  );
}

const textOf = (n: Nodes): string =>
  'value' in n && typeof n.value === 'string' ? n.value : 'children' in n ? n.children.map(textOf).join('') : '';

/** A heading's anchor: its leading section number ("C.2 The paper's guarantee" → "C.2"), else its words. */
export function headingId(text: string): string {
  const m = /^([A-J0-9](?:\.\d+)?)\s/.exec(text.trim());
  return m
    ? m[1]
    : text
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-');
}

function link(href: string, children: ReactNode, key: number, links: MarkdownLinks): ReactNode {
  if (href.startsWith('theory:'))
    return (
      <button key={key} type="button" className="link" onClick={() => openTheory(href.slice(7))}>
        {children}
      </button>
    );
  if (href.startsWith('term:'))
    return (
      <Term key={key} name={href.slice(5)}>
        {children}
      </Term>
    );
  if (/^\?lesson=[a-z0-9-]+(&step=\d+)?$/.test(href) && links.lesson)
    return (
      <button key={key} type="button" className="link" onClick={() => links.lesson?.(href)}>
        {children}
      </button>
    );
  return <Fragment key={key}>{children}</Fragment>;
}

function render(node: RootContent | PhrasingContent, key: number, src: string, links: MarkdownLinks): ReactNode {
  const kids = (n: Parent) => n.children.map((c, i) => render(c as RootContent, i, src, links));
  switch (node.type) {
    case 'paragraph':
      return <p key={key}>{kids(node)}</p>;
    case 'heading': {
      const H = `h${Math.min(6, node.depth + 1)}` as 'h2';
      return (
        <H key={key} id={`theory-${headingId(textOf(node))}`}>
          {kids(node)}
        </H>
      );
    }
    case 'text':
      return node.value;
    case 'emphasis':
      return <em key={key}>{kids(node)}</em>;
    case 'strong':
      return <strong key={key}>{kids(node)}</strong>;
    case 'inlineCode':
      return <code key={key}>{node.value}</code>;
    case 'code':
      return (
        <pre key={key}>
          <code>{node.value}</code>
        </pre>
      );
    case 'break':
      return <br key={key} />;
    case 'list':
      return node.ordered ? <ol key={key}>{kids(node)}</ol> : <ul key={key}>{kids(node)}</ul>;
    case 'listItem':
      return <li key={key}>{kids(node)}</li>;
    case 'blockquote':
      return <blockquote key={key}>{kids(node)}</blockquote>;
    case 'thematicBreak':
      return <hr key={key} />;
    case 'link':
      return link(node.url, kids(node), key, links);
    case 'inlineMath': {
      const raw = src.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
      return <Formula key={key} tex={node.value} display={raw.startsWith('$$')} />;
    }
    case 'math':
      return <Formula key={key} tex={node.value} display />;
    case 'table':
      return (
        <div key={key} className="table-scroll">
          <table>
            <tbody>
              {node.children.map((row, r) => (
                <tr key={r}>
                  {row.children.map((cell, c) =>
                    r === 0 ? (
                      <th key={c} scope="col">
                        {kids(cell)}
                      </th>
                    ) : (
                      <td key={c}>{kids(cell)}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'html':
      return node.value;
    default:
      return 'children' in node ? <Fragment key={key}>{kids(node as Parent)}</Fragment> : textOf(node as Nodes);
  }
}

export function parseMarkdown(text: string) {
  return fromMarkdown(text, {
    extensions: [math(), gfmTable()],
    mdastExtensions: [mathFromMarkdown(), gfmTableFromMarkdown()],
  });
}

export function Markdown({ text, links = {} }: { text: string; links?: MarkdownLinks }) {
  const tree = useMemo(() => parseMarkdown(text), [text]);
  return <div className="markdown">{tree.children.map((n, i) => render(n, i, text, links))}</div>;
}

/** One paragraph of Markdown rendered inline (no block around it): goal text, glossary definitions. */
export function InlineMarkdown({ text, links = {} }: { text: string; links?: MarkdownLinks }) {
  const tree = useMemo(() => parseMarkdown(text), [text]);
  return (
    <>
      {tree.children.map((n, i) =>
        n.type === 'paragraph' ? (
          <Fragment key={i}>{n.children.map((c, j) => render(c, j, text, links))}</Fragment>
        ) : (
          render(n, i, text, links)
        ),
      )}
    </>
  );
}
