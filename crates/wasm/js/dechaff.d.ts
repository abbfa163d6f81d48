/** Options of {@link extract}; every one is optional. */
export interface Options {
  /** Collect the page's comment thread into `comments` (it never enters `text`). Default `false`. */
  comments?: boolean;
  /** Keep all the page's text, boilerplate included (the "all text" baseline). Default `false`. */
  keep_all?: boolean;
  /** Same as `keep_all`; give one or the other. */
  keepAll?: boolean;
  /** The precision/recall trade-off for borderline blocks. Default `"balanced"`. */
  preset?: 'precision' | 'balanced' | 'recall';
  /** Input limit in UTF-8 bytes; longer input is cut and the result marked `degraded`. Default 16 MiB. */
  max_bytes?: number;
  /** Same as `max_bytes`; give one or the other. */
  maxBytes?: number;
  /** DOM node limit; the rest of the page is left out past it. Default 1,000,000. */
  max_nodes?: number;
  /** Same as `max_nodes`; give one or the other. */
  maxNodes?: number;
  /** Nesting depth limit; deeper elements are flattened. Default 512. */
  max_depth?: number;
  /** Same as `max_depth`; give one or the other. */
  maxDepth?: number;
}

/** Why a block was kept (the first five) or dropped (the rest). */
export type Reason =
  | 'content' | 'context' | 'heading_of_content' | 'fallback' | 'keep_all'
  | 'outside_main' | 'navigation' | 'related' | 'read_also' | 'advertisement'
  | 'social' | 'banner' | 'footer' | 'sidebar' | 'comments' | 'link_dense'
  | 'too_short' | 'hidden' | 'caption' | 'title' | 'byline' | 'commerce' | 'signature'
  | 'duplicate' | 'legal' | 'after_body';

/** One block of the page's text and its decision. */
export interface Block {
  /** `p`, `h1`..`h6`, `li`, `tr` (cells separated by tabs), `pre`, `quote` or `caption`. */
  kind: 'p' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'li' | 'tr' | 'pre' | 'quote' | 'caption';
  /** The block's text, whitespace collapsed (verbatim for `pre`). */
  text: string;
  /** Whether it is part of the main content. */
  kept: boolean;
  /** Why it was kept or dropped. */
  reason: Reason;
}

/** Page metadata from JSON-LD, OpenGraph, meta tags and the markup. */
export interface Metadata {
  title: string | null;
  authors: string[];
  /** ISO 8601. */
  published: string | null;
  /** ISO 8601. */
  modified: string | null;
  site_name: string | null;
  description: string | null;
  canonical_url: string | null;
  image: string | null;
  tags: string[];
  /** What the page declares itself to be (schema.org type or og:type). */
  page_type: string | null;
}

/** What {@link extract} returns. */
export interface Extracted {
  /** The page's title. */
  title: string | null;
  /** The main content as plain text, one block per line. */
  text: string;
  /** The main content as Markdown. */
  markdown: string;
  /** The declared language (`<html lang>` or metadata). */
  lang: string | null;
  /** Set when a limit was reached and the page was processed in part. */
  degraded: 'too_many_bytes' | 'too_many_nodes' | 'too_deep' | 'too_many_attributes' | null;
  /** The comment thread's text, with `comments: true` and when one was found. */
  comments: string | null;
  metadata: Metadata;
  /** Every block of the page, kept or dropped, in document order. */
  blocks: Block[];
}

/**
 * Extracts a page's main content. Any string gives a result; a non-string
 * `html` or a bad option throws a `TypeError` (unknown option, wrong type)
 * or a `RangeError` (unknown preset, limit not a whole number >= 1).
 */
export function extract(html: string, options?: Options | null): Extracted;
