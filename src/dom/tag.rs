//! Element names that matter to extraction, as a one-byte enum.

// `$name` is a `tt`, not a `literal`, so that it can be handed on to
// `local_name!`, which matches the string itself.
macro_rules! tags {
    ($($variant:ident = $name:tt,)*) => {
        /// An HTML element we tell apart; everything else is `Other`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub(crate) enum Tag {
            $($variant,)*
            /// Any element not listed, including foreign (SVG, MathML) ones.
            Other,
        }

        impl Tag {
            pub(crate) fn from_name(name: &str) -> Tag {
                match name {
                    $($name => Tag::$variant,)*
                    _ => Tag::Other,
                }
            }

            /// The HTML element name of a listed tag; `None` for `Other`.
            /// The arena keeps only the tag of such elements, and the tree
            /// builder gets their name back from it.
            pub(crate) fn local_name(self) -> Option<html5ever::LocalName> {
                match self {
                    $(Tag::$variant => Some(html5ever::local_name!($name)),)*
                    Tag::Other => None,
                }
            }
        }
    };
}

tags! {
    Html = "html", Head = "head", Body = "body", Title = "title", Meta = "meta",
    Link = "link", Base = "base", Script = "script", Style = "style", Noscript = "noscript",
    Template = "template", Iframe = "iframe", Object = "object", Embed = "embed",
    Canvas = "canvas", Video = "video", Audio = "audio", Img = "img", Picture = "picture",
    Br = "br", Hr = "hr", A = "a", P = "p", Div = "div", Span = "span",
    Section = "section", Article = "article", Main = "main", Aside = "aside", Nav = "nav",
    Header = "header", Footer = "footer", H1 = "h1", H2 = "h2", H3 = "h3", H4 = "h4",
    H5 = "h5", H6 = "h6", Ul = "ul", Ol = "ol", Li = "li", Dl = "dl", Dt = "dt", Dd = "dd",
    Table = "table", Thead = "thead", Tbody = "tbody", Tfoot = "tfoot", Tr = "tr",
    Td = "td", Th = "th", Caption = "caption", Pre = "pre", Code = "code",
    Blockquote = "blockquote", Figure = "figure", Figcaption = "figcaption",
    Form = "form", Input = "input", Button = "button", Select = "select",
    Option = "option", Textarea = "textarea", Label = "label", Fieldset = "fieldset",
    Dialog = "dialog", Address = "address", Time = "time", Menu = "menu",
    Details = "details", Summary = "summary", Svg = "svg", Math = "math",
    Frameset = "frameset", Frame = "frame", Center = "center", Tt = "tt", Kbd = "kbd",
    Samp = "samp", Var = "var", Strong = "strong", B = "b", Em = "em", I = "i",
    Col = "col", Colgroup = "colgroup", Source = "source", Track = "track", Map = "map",
    Area = "area", Output = "output", Meter = "meter", Progress = "progress",
    Datalist = "datalist", Optgroup = "optgroup", Legend = "legend", Hgroup = "hgroup",
    Search = "search", Xmp = "xmp", Listing = "listing", Plaintext = "plaintext",
    Noembed = "noembed", Noframes = "noframes", Small = "small",
}

impl Tag {
    /// Elements whose content is never shown as text.
    pub(crate) fn is_invisible(self) -> bool {
        matches!(
            self,
            Tag::Head
                | Tag::Title
                | Tag::Meta
                | Tag::Link
                | Tag::Base
                | Tag::Script
                | Tag::Style
                | Tag::Template
                | Tag::Iframe
                | Tag::Object
                | Tag::Embed
                | Tag::Canvas
                | Tag::Video
                | Tag::Audio
                | Tag::Svg
                | Tag::Math
                | Tag::Select
                | Tag::Option
                | Tag::Optgroup
                | Tag::Datalist
                | Tag::Textarea
                | Tag::Button
                | Tag::Input
                | Tag::Map
                | Tag::Source
                | Tag::Track
                | Tag::Noembed
                | Tag::Noframes
                | Tag::Dialog
                | Tag::Frameset
                | Tag::Frame
        )
    }

    /// Elements whose text content the parser hands over but we never need
    /// (scripts and styles are half of a typical page's bytes).
    pub(crate) fn drops_text(self) -> bool {
        matches!(
            self,
            Tag::Script
                | Tag::Style
                | Tag::Iframe
                | Tag::Noembed
                | Tag::Noframes
                | Tag::Textarea
                | Tag::Xmp
        )
    }

    /// Elements that start a new line of text (block-level in rendering).
    pub(crate) fn is_block(self) -> bool {
        matches!(
            self,
            Tag::P
                | Tag::Div
                | Tag::Section
                | Tag::Article
                | Tag::Main
                | Tag::Aside
                | Tag::Nav
                | Tag::Header
                | Tag::Footer
                | Tag::H1
                | Tag::H2
                | Tag::H3
                | Tag::H4
                | Tag::H5
                | Tag::H6
                | Tag::Ul
                | Tag::Ol
                | Tag::Li
                | Tag::Dl
                | Tag::Dt
                | Tag::Dd
                | Tag::Table
                | Tag::Thead
                | Tag::Tbody
                | Tag::Tfoot
                | Tag::Tr
                | Tag::Td
                | Tag::Th
                | Tag::Caption
                | Tag::Pre
                | Tag::Blockquote
                | Tag::Figure
                | Tag::Figcaption
                | Tag::Form
                | Tag::Fieldset
                | Tag::Address
                | Tag::Menu
                | Tag::Details
                | Tag::Summary
                | Tag::Center
                | Tag::Hr
                | Tag::Br
                | Tag::Body
                | Tag::Html
                | Tag::Hgroup
                | Tag::Search
                | Tag::Legend
                | Tag::Listing
                | Tag::Plaintext
                | Tag::Xmp
                // What shows without scripts is read apart from the text
                // around it: a notice, or a whole fallback page.
                | Tag::Noscript
        )
    }

    /// The heading level, for `h1`..`h6`.
    pub(crate) fn heading_level(self) -> Option<u8> {
        Some(match self {
            Tag::H1 => 1,
            Tag::H2 => 2,
            Tag::H3 => 3,
            Tag::H4 => 4,
            Tag::H5 => 5,
            Tag::H6 => 6,
            _ => return None,
        })
    }
}
