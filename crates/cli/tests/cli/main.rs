//! Integration tests of the `dechaff` binary, run as a user would run it.

mod corpus;
