//! Integration tests, gathered in one binary so the library is linked once.

mod corpus;
mod pathological;
mod properties;
mod rcdom;
mod reference;
mod regressions;
