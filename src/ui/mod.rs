//! UI (being written).
