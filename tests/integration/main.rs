//! Integration tests, gathered in one binary so the library is linked once.

mod corpus;
