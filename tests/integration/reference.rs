//! html5ever's reference DOM (markup5ever_rcdom), parsed as our parser
//! parses: shared by the differential tree check and the property tests.

use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{ParseOpts, local_name, ns, parse_document};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

/// The page parsed into the reference DOM with scripting off, as ours.
pub fn parse(html: &str) -> RcDom {
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    parse_document(RcDom::default(), opts).one(html)
}

/// Elements whose text our sink drops (`Tag::drops_text`).
pub fn drops_text(node: &Handle) -> bool {
    match &node.data {
        NodeData::Element { name, .. } => {
            name.ns == ns!(html)
                && matches!(
                    name.local,
                    local_name!("script")
                        | local_name!("style")
                        | local_name!("iframe")
                        | local_name!("noembed")
                        | local_name!("noframes")
                        | local_name!("textarea")
                        | local_name!("xmp")
                )
        }
        _ => false,
    }
}
